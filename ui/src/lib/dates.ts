import type { Language } from './bindings/Language';

/** An ISO date (YYYY-MM-DD) in the Western calendar: 2025年2月21日 / 21 February 2025. */
export function formatWesternDate(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'ja-JP') return `${y}年${mo}月${d}日`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** Today's date (YYYY-MM-DD) where the user is; toISOString() would give the UTC date (yesterday before 9:00 in Japan). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
