import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { searchArchive } from '../../../lib/domain/search/searchArchive.js';
import { transcriptOf, unrelatedEmbedder } from '../../domain/search/fixtures.js';

describe('archive search over LanceDB with a semantic model that does not know the word', () => {
  it('finds the passage by its rare word, within the filters, until the meeting is deleted', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-recall-'));
    const embedder = unrelatedEmbedder();
    const index = await LanceVectorIndex.open(directory, embedder.dimensions);
    try {
      const deps = { embedder, index };
      const filler = transcriptOf('mtg_planning', Array.from({ length: 400 }, (_, n) => ['Ann', `Item ${n} of the quarterly plan: slides, budget and hiring.`] as const));
      await indexMeeting(deps, { tenantId: 't1', transcript: filler });
      await indexMeeting(deps, { tenantId: 't1', transcript: transcriptOf('mtg_supplier', [['Chidi', 'Mrs Okonkwo ships the XR-2049 casings on Friday.']]) });
      await indexMeeting(deps, { tenantId: 't2', transcript: transcriptOf('mtg_other', [['Eve', 'Okonkwo called about XR-2049.']]) });
      const meetings = async (input: Partial<Parameters<typeof searchArchive>[1]> = {}) =>
        (await searchArchive(deps, { tenantId: 't1', query: 'What is the status of XR-2049?', limit: 5, ...input })).map((hit) => hit.meetingId);

      const [vector] = await embedder.embed(['What is the status of XR-2049?']);
      expect((await index.query({ tenantId: 't1', vector: vector!, limit: 20 })).map((hit) => hit.document.meetingId)).not.toContain('mtg_supplier');
      expect((await meetings()).slice(0, 2)).toContain('mtg_supplier');
      expect(await meetings({ speaker: 'Ann' })).not.toContain('mtg_supplier');
      expect(await meetings({ kinds: ['chapter'] })).not.toContain('mtg_supplier');
      expect(await meetings({ meetingIds: ['mtg_planning'] })).not.toContain('mtg_supplier');
      expect(await meetings({ tenantId: 't2' })).toEqual(['mtg_other']);
      await index.deleteMeeting('t1', 'mtg_supplier');
      expect(await meetings()).not.toContain('mtg_supplier');
    } finally {
      await index.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
