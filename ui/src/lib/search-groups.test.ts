import { describe, expect, it } from 'vitest';
import { displayOrder, groupHits } from './search-groups';
import type { SearchHit } from './bindings/SearchHit';

const hit = (clauseId: string): SearchHit => {
  const [packId, documentId] = clauseId.split('/');
  return { clauseId, packId, documentId, packTitle: packId, documentTitle: documentId, heading: [], snippet: [], score: 1, matched: 1, literal: true };
};

describe('groupHits', () => {
  it('groups by pack and document in the order of the best hit', () => {
    const groups = groupHits([hit('kobe/taisaku/7.2.2'), hit('hirakawa/taisaku/7-2'), hit('kobe/taisaku/7.2.1')]);
    expect(groups.map((g) => g.key)).toEqual(['kobe/taisaku', 'hirakawa/taisaku']);
    expect(groups[0].hits.map((h) => h.hit.clauseId)).toEqual(['kobe/taisaku/7.2.2', 'kobe/taisaku/7.2.1']);
    expect(displayOrder(groups)).toEqual([0, 2, 1]);
  });
});
