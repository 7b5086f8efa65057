import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidSearchInputError } from '../../../lib/domain/search/errors.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { OVERFETCH, searchArchive } from '../../../lib/domain/search/searchArchive.js';
import { InMemoryVectorIndex, transcriptOf } from './fixtures.js';

const budgetMeeting = transcriptOf('budget', [
  ['Laura', 'The casing costs twelve euros, which blows the budget.'],
  ['David', 'A rubber casing from the other factory would be cheaper.'],
]);
const hiringMeeting = transcriptOf('hiring', [
  ['Ann', 'We interviewed three candidates for the designer position.'],
  ['Ben', 'The second candidate had the strongest portfolio.'],
]);

describe('searchArchive', () => {
  const embedder = new HashedTermEmbedder();
  let index: InMemoryVectorIndex;
  const deps = () => ({ embedder, index });

  beforeEach(async () => {
    index = new InMemoryVectorIndex();
    await indexMeeting(deps(), { tenantId: 't1', transcript: budgetMeeting });
    await indexMeeting(deps(), { tenantId: 't1', transcript: hiringMeeting });
  });

  it('returns the best matching passage first, with a highlighted snippet and where it is', async () => {
    const [best, ...rest] = await searchArchive(deps(), { tenantId: 't1', query: 'How much does the casing cost?', limit: 5 });
    expect(best).toMatchObject({ meetingId: 'budget', kind: 'transcript', speaker: 'Laura, David', speakers: ['Laura', 'David'], startMs: 0, endMs: 19_000, utteranceIds: ['u0', 'u1'] });
    expect(best!.snippet).toContain('«casing costs»');
    expect(rest.every((hit) => hit.score <= best!.score)).toBe(true);
  });

  it('passes the kinds and meeting filters to the index, over-fetching the limit for re-ranking', async () => {
    await searchArchive(deps(), { tenantId: 't1', query: 'candidate', limit: 3, kinds: ['transcript'], meetingId: 'hiring' });
    expect(index.queries.at(-1)).toMatchObject({ tenantId: 't1', limit: 3 * OVERFETCH, kinds: ['transcript'], meetingId: 'hiring' });
  });

  it('defaults the limit to 10 and leaves absent filters out', async () => {
    await searchArchive(deps(), { tenantId: 't1', query: 'candidate' });
    const query = index.queries.at(-1)!;
    expect(query.limit).toBe(10 * OVERFETCH);
    expect('kinds' in query).toBe(false);
    expect('meetingId' in query).toBe(false);
  });

  it('finds nothing for a query of only stopwords and fillers, without asking the index', async () => {
    expect(await searchArchive(deps(), { tenantId: 't1', query: 'um, what was that?', limit: 5 })).toEqual([]);
    expect(index.queries).toHaveLength(0);
  });

  it('finds nothing for words that occur nowhere, however near the nearest vectors fall', async () => {
    // Nearest neighbours always exist; without a floor these two passages came back.
    expect(index.documents.length).toBeGreaterThan(0);
    expect(await searchArchive(deps(), { tenantId: 't1', query: 'xylophone quantum', limit: 10 })).toEqual([]);
    expect(await searchArchive(deps(), { tenantId: 't1', query: 'purple elephant skateboard', limit: 10 })).toEqual([]);
  });

  it('finds a word said once at that passage only', async () => {
    const hits = await searchArchive(deps(), { tenantId: 't1', query: 'portfolio', limit: 10 });
    expect(hits.map((hit) => hit.meetingId)).toEqual(['hiring']);
    expect(hits[0]!.snippet).toContain('«portfolio»');
  });

  it('finds nothing when only one of two words occurs', async () => {
    // "xylophone" is nowhere; "candidates" alone does not answer "xylophone candidates".
    expect(await searchArchive(deps(), { tenantId: 't1', query: 'xylophone candidates', limit: 10 })).toEqual([]);
  });

  describe('speaker filter', () => {
    const designMeeting = transcriptOf('design', [
      ['Project Manager', 'Welcome everyone, today we decide the remote control layout.'],
      ['User Interface', 'The buttons should be large and the menu simple.'],
      ['Industrial Designer', 'A rubber casing with large buttons is cheap to produce.'],
      ['Project Manager', 'Fine, so large buttons it is.'],
    ]);
    beforeEach(async () => {
      await indexMeeting(deps(), { tenantId: 't1', transcript: designMeeting });
    });

    it('matches any speaker of the passage by part of the name, case-insensitive, and labels the hit with them', async () => {
      const hits = await searchArchive(deps(), { tenantId: 't1', query: 'large buttons', speaker: 'industrial' });
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.speakers).toEqual(['Industrial Designer']);
        expect(hit.speaker).toBe('Industrial Designer');
        expect(hit.snippet).toMatch(/^…?Industrial Designer: /);
        expect(hit.snippet).toContain('«large buttons»');
      }
      // Not the first speaker of the passage, nor its main one.
      expect(hits.some((hit) => hit.utteranceIds.includes('u0'))).toBe(true);
      expect(await searchArchive(deps(), { tenantId: 't1', query: 'large buttons', speaker: 'INTERFACE' })).not.toEqual([]);
      expect(await searchArchive(deps(), { tenantId: 't1', query: 'large buttons', speaker: 'marketing' })).toEqual([]);
    });

    it('without a filter, labels a hit with the speakers of the text it shows, from the turn of the first match', async () => {
      const [hit] = await searchArchive(deps(), { tenantId: 't1', query: 'rubber casing produce', meetingId: 'design' });
      expect(hit!.snippet).toMatch(/^…?Industrial Designer: A «rubber casing»/);
      expect(hit!.speakers[0]).toBe('Industrial Designer');
      expect(hit!.speakers).not.toContain('User Interface');
    });

    it('reads documents indexed before turns were kept by their main speaker', async () => {
      const old = index.documents.filter((document) => document.meetingId === 'design').map(({ turns: _turns, ...document }) => document);
      await index.replaceMeeting('t1', 'design', old);
      const hits = await searchArchive(deps(), { tenantId: 't1', query: 'large buttons', speaker: 'manager' });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.speakers.length === 1 && hit.speakers[0] === 'Project Manager')).toBe(true);
    });
  });

  it.each([
    ['an empty query', { tenantId: 't1', query: '', limit: 5 }, /query must not be empty/],
    ['a blank query', { tenantId: 't1', query: '   ', limit: 5 }, /query must not be empty/],
    ['a huge query', { tenantId: 't1', query: 'x'.repeat(1_001), limit: 5 }, /query/],
    ['a limit of 0', { tenantId: 't1', query: 'budget', limit: 0 }, /limit/],
    ['a limit over 100', { tenantId: 't1', query: 'budget', limit: 101 }, /limit/],
    ['a fractional limit', { tenantId: 't1', query: 'budget', limit: 2.5 }, /limit/],
    ['no tenant', { tenantId: '', query: 'budget', limit: 5 }, /tenantId/],
    ['an unknown kind', { tenantId: 't1', query: 'budget', limit: 5, kinds: ['email'] }, /kinds/],
    ['an empty list of kinds', { tenantId: 't1', query: 'budget', limit: 5, kinds: [] }, /kinds/],
  ])('rejects %s with a clear error', async (_, input, message) => {
    const search = searchArchive(deps(), input as Parameters<typeof searchArchive>[1]);
    await expect(search).rejects.toThrow(InvalidSearchInputError);
    await expect(search).rejects.toThrow(message);
    expect(index.queries).toHaveLength(0);
  });
});
