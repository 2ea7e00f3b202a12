// Hash routes, so that a clause has an address inside the app:
//   #/handbook                     the reader (reading position or first clause)
//   #/handbook/<pack>/<doc>/<id>   a clause (a deep link `tebiki:<pack>/<doc>/<id>` opens here)
//   #/handbook/<pack>/<doc>/<id>?q=研修   the same, with the search hits marked
//   #/handbook/glossary | history | bookmarks | roles   pages of the chosen pack
//   #/selfcheck  #/training  #/reports  #/settings
import { AREAS, type Area } from './areas';

export type HandbookPage = 'clause' | 'glossary' | 'history' | 'bookmarks' | 'roles';

export interface Route {
  area: Area;
  page: HandbookPage;
  /** Full clause id for page 'clause', when one is named. */
  clauseId: string | null;
  /** A search query whose hits the clause shows marked. */
  highlight?: string | null;
}

const PAGES: HandbookPage[] = ['glossary', 'history', 'bookmarks', 'roles'];

export function parseRoute(hash: string): Route {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  const highlight = new URLSearchParams(search ?? '').get('q');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const area = (AREAS as readonly string[]).includes(parts[0]) ? (parts[0] as Area) : 'handbook';
  if (area !== 'handbook') return { area, page: 'clause', clauseId: null };
  const rest = parts.slice(1);
  if (rest.length === 1 && (PAGES as string[]).includes(rest[0])) {
    return { area, page: rest[0] as HandbookPage, clauseId: null };
  }
  const clauseId = rest.length >= 3 ? rest.join('/') : null;
  return clauseId && highlight ? { area, page: 'clause', clauseId, highlight } : { area, page: 'clause', clauseId };
}

export function routeHash(route: Partial<Route> & { area: Area }): string {
  if (route.area !== 'handbook') return `#/${route.area}`;
  if (route.page && route.page !== 'clause') return `#/handbook/${route.page}`;
  if (route.clauseId) {
    const path = `#/handbook/${route.clauseId.split('/').map(encodeURIComponent).join('/')}`;
    return route.highlight ? `${path}?q=${encodeURIComponent(route.highlight)}` : path;
  }
  return '#/handbook';
}

/** `tebiki:kobe/taisaku/7.2.2` → `kobe/taisaku/7.2.2`; null for anything else. */
export function clauseIdFromLink(href: string): string | null {
  const m = /^tebiki:([a-z][a-z0-9-]*\/[a-z][a-z0-9-]*\/[0-9A-Za-z.-]+)$/.exec(href.trim());
  return m ? m[1] : null;
}

export function deepLink(clauseId: string): string {
  return `tebiki:${clauseId}`;
}

class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
    }
  }

  go(route: Partial<Route> & { area: Area }): void {
    const hash = routeHash(route);
    if (typeof location === 'undefined') {
      this.route = parseRoute(hash);
    } else if (location.hash !== hash) {
      location.hash = hash;
    } else {
      this.route = parseRoute(hash);
    }
  }

  openClause(clauseId: string, highlight?: string): void {
    this.go({ area: 'handbook', page: 'clause', clauseId, highlight });
  }
}

export const router = new Router();
