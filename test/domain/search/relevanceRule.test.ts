import { describe, expect, it } from 'vitest';
import type { VectorHit } from '../../../lib/domain/ports/VectorIndex.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { relevanceRuleFor } from '../../../lib/domain/search/relevance.js';
import { parseSearch, rankCandidates } from '../../../lib/domain/search/searchArchive.js';

/** A passage as an index returns it, with the score its list gave it (cosine, or BM25). */
const hit = (id: string, text: string, score: number): VectorHit => ({
  document: { id, tenantId: 't1', meetingId: `m-${id}`, kind: 'transcript', text, speaker: 'Ann', startMs: 0, endMs: 10_000, utteranceIds: [`u-${id}`] },
  score,
});
const ids = (hits: readonly { meetingId: string }[]) => hits.map((h) => h.meetingId.slice(2));

const hashed = relevanceRuleFor(new HashedTermEmbedder());
// An embedder whose vectors carry meaning: its ranking weighs as much as the keywords'.
const neural = relevanceRuleFor({ similarityFloor: 0.3 });
const search = (query: string) => parseSearch({ tenantId: 't1', query, limit: 10 });
const query = 'rubber casing budget';

describe('the relevance rule', () => {
  it('gives no hits when no candidate is evidence, however many hold one of the words', () => {
    const keyword = [hit('a', 'the budget was approved', 9), hit('b', 'a rubber duck', 8), hit('c', 'the casing is blue', 7)];
    const semantic = [hit('a', 'the budget was approved', 0.45), hit('d', 'we met on monday', 0.4)];

    expect(rankCandidates(search(query), { semantic, keyword }, hashed)).toEqual([]);
  });

  it('once one passage is evidence, keeps the keyword candidates that score nearly as well, and drops those far below', () => {
    // `near` holds one of the three words: not evidence alone, but it scores close to the best.
    const keyword = [hit('best', 'the rubber casing fits the budget', 10), hit('near', 'rubber from the other factory, softer rubber', 7), hit('far', 'the budget meeting is on monday', 2)];

    const hits = rankCandidates(search(query), { semantic: [], keyword }, hashed);

    expect(ids(hits)).toEqual(['best', 'near']);
  });

  it('never promotes a vector neighbour below the floor, even in a search that has an answer', () => {
    const keyword = [hit('best', 'the rubber casing fits the budget', 10)];
    const semantic = [hit('noise', 'we met on monday', 0.45), hit('best', 'the rubber casing fits the budget', 0.8)];

    expect(ids(rankCandidates(search(query), { semantic, keyword }, hashed))).toEqual(['best']);
  });

  it('on an index without keyword search (Pinecone), applies the margin to BM25 over the vector candidates', () => {
    // Two words: `near` holds one (half, not more), BM25 over these four puts it within the margin, `far` below it.
    const semantic = [
      hit('best', 'the rubber fits the budget', 0.7),
      hit('near', 'softer rubber, rubber', 0.2),
      hit('far', 'we went over the minutes, the agenda, the dates, the rooms, the coffee and the budget', 0.2),
      hit('none', 'we met on monday', 0.25),
    ];

    const hits = rankCandidates(search('rubber budget'), { semantic, keyword: null }, neural);

    expect(ids(hits)).toContain('best');
    expect(ids(hits)).toContain('near');
    expect(ids(hits)).not.toContain('far');
    expect(ids(hits)).not.toContain('none');
  });

  it('lets the keyword ranking lead the fusion for hashed-word vectors, and both rankings count alike for a neural embedder', () => {
    const first = 'rubber casing budget, the rubber casing budget';
    const second = 'the rubber casing and its budget';
    // The keyword ranking puts `first` ahead, the vectors put `second` ahead by more ranks.
    const keyword = [hit('first', first, 10), hit('second', second, 9)];
    const semantic = [hit('second', second, 0.9), hit('x1', 'rubber casing budget talk', 0.85), hit('x2', 'rubber casing budget plan', 0.84), hit('first', first, 0.8)];

    expect(ids(rankCandidates(search(query), { semantic, keyword }, hashed))[0]).toBe('first');
    expect(ids(rankCandidates(search(query), { semantic, keyword }, neural))[0]).toBe('second');
  });
});
