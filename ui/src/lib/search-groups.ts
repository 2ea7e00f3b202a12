import type { SearchHit } from './bindings/SearchHit';

export interface HitGroup {
  key: string;
  packTitle: string;
  documentTitle: string;
  hits: { hit: SearchHit; index: number }[];
}

/** Groups ranked hits by pack and document; groups come in the order of their best hit. */
export function groupHits(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  hits.forEach((hit, index) => {
    const key = `${hit.packId}/${hit.documentId}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, packTitle: hit.packTitle, documentTitle: hit.documentTitle, hits: [] };
      groups.set(key, g);
    }
    g.hits.push({ hit, index });
  });
  return [...groups.values()];
}

/** The order in which arrow keys walk the results: as displayed, group by group. */
export function displayOrder(groups: HitGroup[]): number[] {
  return groups.flatMap((g) => g.hits.map((h) => h.index));
}
