import { beforeEach, describe, expect, it } from 'vitest';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { OVERFETCH, searchArchive } from '../../../lib/domain/search/searchArchive.js';
import { InMemoryHybridIndex, InMemoryVectorIndex, transcriptOf, unrelatedEmbedder } from './fixtures.js';

const QUERY = 'When does Okonkwo deliver the casings?';
const fillerMeeting = transcriptOf(
  'planning',
  Array.from({ length: 400 }, (_, n) => [n % 2 === 0 ? 'Ann' : 'Ben', `Item ${n} of the quarterly plan: slides, budget and hiring, part ${n}.`] as const),
);
const supplierMeeting = transcriptOf('supplier', [
  ['Chidi', 'Mrs Okonkwo ships the rubber casings on Friday.'],
  ['Dana', 'Then marketing can start the campaign.'],
]);

describe('keyword recall: passages the vectors miss', () => {
  const embedder = unrelatedEmbedder();
  let index: InMemoryHybridIndex;
  const deps = () => ({ embedder, index });
  const meetingsFound = async (input: Partial<Parameters<typeof searchArchive>[1]> = {}) =>
    (await searchArchive(deps(), { tenantId: 't1', query: QUERY, limit: 5, ...input })).map((hit) => hit.meetingId);

  beforeEach(async () => {
    index = new InMemoryHybridIndex();
    await indexMeeting(deps(), { tenantId: 't1', transcript: fillerMeeting });
    await indexMeeting(deps(), { tenantId: 't1', transcript: supplierMeeting });
    await indexMeeting(deps(), { tenantId: 't2', transcript: transcriptOf('other', [['Eve', 'Okonkwo called about the invoice.']]) });
  });

  it('finds a passage by a rare surname that the semantic ranking does not return at all', async () => {
    // Precondition: the semantic candidates alone never include it.
    const [vector] = await embedder.embed([QUERY]);
    const semantic = await index.query({ tenantId: 't1', vector: vector!, limit: 5 * OVERFETCH });
    expect(semantic.map((hit) => hit.document.meetingId)).not.toContain('supplier');

    const hits = await searchArchive(deps(), { tenantId: 't1', query: QUERY, limit: 5 });
    const found = hits.find((hit) => hit.meetingId === 'supplier');
    expect(found?.snippet).toContain('«Okonkwo»');
    expect(hits.indexOf(found!)).toBeLessThan(2);
    // Only the query's content words are looked up, with the same scope as the vectors.
    expect(index.keywordQueries.at(-1)).toMatchObject({ tenantId: 't1', limit: 5 * OVERFETCH });
    expect(index.keywordQueries.at(-1)!.text.split(' ').sort()).toEqual(['Okonkwo', 'casings', 'deliver']);
  });

  it('without keyword search in the index, the old re-ranking cannot find it', async () => {
    const vectorOnly = new InMemoryVectorIndex();
    vectorOnly.documents.push(...index.documents);
    const hits = await searchArchive({ embedder, index: vectorOnly }, { tenantId: 't1', query: QUERY, limit: 5 });
    expect(hits.map((hit) => hit.meetingId)).not.toContain('supplier');
  });

  it('applies every filter to keyword hits too', async () => {
    expect(await meetingsFound()).toContain('supplier');
    expect(await meetingsFound({ speaker: 'chidi' })).toEqual(['supplier']);
    expect(await meetingsFound({ speaker: 'Ann' })).not.toContain('supplier');
    expect(await meetingsFound({ kinds: ['summary'] })).toEqual([]);
    expect(await meetingsFound({ meetingId: 'planning' })).not.toContain('supplier');
    expect(await meetingsFound({ meetingIds: ['planning'] })).not.toContain('supplier');
    expect(await meetingsFound({ meetingIds: ['supplier'] })).toEqual(['supplier']);
  });

  it('hands a meeting list (a date range) to the index, so its passages are found however far down the archive they rank', async () => {
    await indexMeeting(deps(), { tenantId: 't1', transcript: transcriptOf('late', [['Ann', 'A quarterly plan, one more time.']]) });
    // 400 planning passages share those words; only the listed meetings are candidates at all.
    // The supplier meeting shares none of the words, so it is no hit, however near its vector falls.
    expect(await meetingsFound({ query: 'quarterly plan budget', meetingIds: ['late', 'supplier'] })).toEqual(['late']);
    expect(index.queries.at(-1)?.meetingIds).toEqual(['late', 'supplier']);
    expect(index.keywordQueries.at(-1)?.meetingIds).toEqual(['late', 'supplier']);
    // One meeting outside the list finds nothing, without asking the index.
    const asked = index.queries.length;
    expect(await meetingsFound({ meetingId: 'planning', meetingIds: ['late'] })).toEqual([]);
    expect(index.queries).toHaveLength(asked);
  });

  it("never returns another tenant's keyword hits", async () => {
    expect(await meetingsFound({ tenantId: 't2' })).toEqual(['other']);
    expect(await meetingsFound()).not.toContain('other');
  });

  it('finds nothing of a deleted meeting by its words', async () => {
    await index.deleteMeeting('t1', 'supplier');
    expect(await meetingsFound()).not.toContain('supplier');
  });

  it('finds a passage by keywords even when the query has no semantic direction', async () => {
    const zero = { model: 'zero', dimensions: 16, similarityFloor: 0.5, embed: async (texts: readonly string[]) => texts.map(() => new Float32Array(16)) };
    const hits = await searchArchive({ embedder: zero, index }, { tenantId: 't1', query: 'Okonkwo', limit: 5 });
    expect(hits.map((hit) => hit.meetingId)).toEqual(['supplier']);
  });
});
