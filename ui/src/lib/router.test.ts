import { describe, expect, it } from 'vitest';
import { clauseIdFromLink, deepLink, parseRoute, routeHash } from './router.svelte';

describe('routes', () => {
  it('parses clause, page and area routes', () => {
    expect(parseRoute('#/handbook/kobe/taisaku/7.2.2')).toEqual({ area: 'handbook', page: 'clause', clauseId: 'kobe/taisaku/7.2.2' });
    expect(parseRoute('#/handbook/glossary')).toEqual({ area: 'handbook', page: 'glossary', clauseId: null });
    expect(parseRoute('#/settings').area).toBe('settings');
    expect(parseRoute('')).toEqual({ area: 'handbook', page: 'clause', clauseId: null });
    expect(parseRoute('#/nowhere').area).toBe('handbook');
  });

  it('round-trips through the hash', () => {
    expect(parseRoute('#/handbook/kobe/taisaku/7.2.2?q=%E7%A0%94%E4%BF%AE').highlight).toBe('研修');
    for (const hash of ['#/handbook/katsuura/taisaku/62', '#/handbook/history', '#/reports', '#/handbook', '#/handbook/kobe/taisaku/7.2.2?q=%E7%A0%94%E4%BF%AE']) {
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
  });

  it('reads only tebiki: clause links', () => {
    expect(clauseIdFromLink('tebiki:kobe/taisaku/7.2.2')).toBe('kobe/taisaku/7.2.2');
    expect(clauseIdFromLink(deepLink('hirakawa/taisaku/6-1'))).toBe('hirakawa/taisaku/6-1');
    expect(clauseIdFromLink('javascript:alert(1)')).toBeNull();
    expect(clauseIdFromLink('https://example.com/')).toBeNull();
    expect(clauseIdFromLink('tebiki:kobe')).toBeNull();
  });
});
