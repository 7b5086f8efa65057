import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import { axis, doc, TEST_DIMENSIONS } from '../../support/indexedDocuments.js';

// A meeting's first indexing appends; reindexing a meeting that has documents merges in one commit.
describe('LanceVectorIndex: indexing a meeting for the first time and again', () => {
  let directory: string;
  let index: LanceVectorIndex;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-replace-'));
    index = await LanceVectorIndex.open(directory, TEST_DIMENSIONS);
  });

  afterEach(async () => {
    await index.close();
    await rm(directory, { recursive: true, force: true });
  });

  const rowsOf = async (reader: LanceVectorIndex, tenantId: string, meetingId: string) =>
    (await reader.query({ tenantId, meetingId, vector: axis(0), limit: 100 })).map((hit) => `${hit.document.id}=${hit.document.text}`).sort();

  it('a reader in another instance sees a reindexed meeting whole, old or new, never a mix or nothing', async () => {
    const before = [0, 1, 2, 3, 4, 5].map((n) => doc('t1', 'm1', n, { text: `old ${n}` }));
    const after = [3, 4, 5, 6, 7, 8, 9].map((n) => doc('t1', 'm1', n, { text: `new ${n}` }));
    const shape = (documents: typeof before) => documents.map((d) => `${d.id}=${d.text}`).sort().join('|');
    const allowed = new Set([shape(before), shape(after)]);
    await index.replaceMeeting('t1', 'm1', before);
    await index.replaceMeeting('t1', 'other', [doc('t1', 'other', 0)]);

    const reader = await LanceVectorIndex.open(directory, TEST_DIMENSIONS);
    const seen: string[] = [];
    let writing = true;
    try {
      const reading = (async () => {
        while (writing) seen.push((await rowsOf(reader, 't1', 'm1')).join('|'));
      })();
      for (let round = 0; round < 12; round += 1) await index.replaceMeeting('t1', 'm1', round % 2 === 0 ? after : before);
      writing = false;
      await reading;
    } finally {
      await reader.close();
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((rows) => !allowed.has(rows))).toEqual([]);
    // Both states were seen, so the reader really read while the writer wrote.
    expect(new Set(seen).size).toBe(2);
    expect(await rowsOf(index, 't1', 'other')).toEqual(['other:transcript:0=text 0 of other']);
  });

  it('a meeting deleted and indexed again comes back once, with its new documents only', async () => {
    await index.replaceMeeting('t1', 'm1', [0, 1, 2].map((n) => doc('t1', 'm1', n)));
    await index.deleteMeeting('t1', 'm1');
    expect(await rowsOf(index, 't1', 'm1')).toEqual([]);
    await index.replaceMeeting('t1', 'm1', [1, 2].map((n) => doc('t1', 'm1', n, { text: `again ${n}` })));
    await index.replaceMeeting('t1', 'm1', [1, 2].map((n) => doc('t1', 'm1', n, { text: `again ${n}` })));
    expect(await rowsOf(index, 't1', 'm1')).toEqual(['m1:transcript:1=again 1', 'm1:transcript:2=again 2']);
  });

  it("indexing a meeting for the first time leaves another tenant's meeting of the same id alone, and so does reindexing it", async () => {
    await index.replaceMeeting('a', 'm1', [doc('a', 'm1', 0, { text: 'of a' })]);
    // The same meeting id is new to tenant b: appended, not merged over a's documents.
    await index.replaceMeeting('b', 'm1', [doc('b', 'm1', 0, { text: 'of b' }), doc('b', 'm1', 1, { text: 'of b' })]);
    expect(await rowsOf(index, 'a', 'm1')).toEqual(['m1:transcript:0=of a']);
    await index.replaceMeeting('b', 'm1', [doc('b', 'm1', 1, { text: 'of b again' })]);
    expect(await rowsOf(index, 'a', 'm1')).toEqual(['m1:transcript:0=of a']);
    expect(await rowsOf(index, 'b', 'm1')).toEqual(['m1:transcript:1=of b again']);
  });

  it('finds documents appended after optimising, before the next optimise folds them into the indices', async () => {
    for (let m = 0; m < 5; m += 1) await index.replaceMeeting('t1', `m${m}`, [doc('t1', `m${m}`, m, { text: `Okonkwo ${m}` })]);
    await index.optimize();
    await index.replaceMeeting('t1', 'm9', [doc('t1', 'm9', 1, { text: 'Okonkwo late' })]);
    await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 2, { text: 'reindexed without the name' })]);
    const ids = (await index.keywordQuery({ tenantId: 't1', text: 'okonkwo', limit: 20 })).map((hit) => hit.document.meetingId).sort();
    expect(ids).toEqual(['m0', 'm1', 'm3', 'm4', 'm9']);
    expect(await rowsOf(index, 't1', 'm9')).toEqual(['m9:transcript:1=Okonkwo late']);
  });

  describe('replaceMeetings, many meetings in a few writes (a rebuild)', () => {
    it('appends new meetings, replaces indexed ones, empties those given no documents, and touches nothing else', async () => {
      await index.replaceMeeting('t1', 'kept', [doc('t1', 'kept', 0)]);
      await index.replaceMeeting('t1', 'again', [0, 1, 2].map((n) => doc('t1', 'again', n)));
      await index.replaceMeeting('t1', 'emptied', [doc('t1', 'emptied', 0)]);
      await index.replaceMeeting('t2', 'new', [doc('t2', 'new', 0, { text: 'of t2' })]);
      await index.replaceMeetings('t1', [
        { meetingId: 'new', documents: [doc('t1', 'new', 0), doc('t1', 'new', 1)] },
        { meetingId: 'again', documents: [doc('t1', 'again', 2, { text: 'reindexed' })] },
        { meetingId: 'emptied', documents: [] },
        { meetingId: 'never', documents: [] },
      ]);
      expect(await rowsOf(index, 't1', 'new')).toEqual(['new:transcript:0=text 0 of new', 'new:transcript:1=text 1 of new']);
      expect(await rowsOf(index, 't1', 'again')).toEqual(['again:transcript:2=reindexed']);
      expect(await rowsOf(index, 't1', 'emptied')).toEqual([]);
      expect(await rowsOf(index, 't1', 'kept')).toEqual(['kept:transcript:0=text 0 of kept']);
      expect(await rowsOf(index, 't2', 'new')).toEqual(['new:transcript:0=of t2']);
      // Done twice, nothing is duplicated.
      await index.replaceMeetings('t1', [{ meetingId: 'new', documents: [doc('t1', 'new', 0), doc('t1', 'new', 1)] }]);
      expect(await rowsOf(index, 't1', 'new')).toEqual(['new:transcript:0=text 0 of new', 'new:transcript:1=text 1 of new']);
    });

    it('refuses a meeting given twice, a document of another tenant or meeting, and writes nothing then', async () => {
      await expect(index.replaceMeetings('t1', [{ meetingId: 'm1', documents: [doc('t1', 'm1', 0)] }, { meetingId: 'm1', documents: [] }])).rejects.toThrow(/same meeting twice/);
      await expect(index.replaceMeetings('t1', [{ meetingId: 'm1', documents: [doc('t1', 'm1', 0)] }, { meetingId: 'm2', documents: [doc('t2', 'm2', 0)] }])).rejects.toThrow(/belongs to/);
      await expect(index.replaceMeetings('t1', [{ meetingId: 'm2', documents: [doc('t1', 'm1', 0)] }])).rejects.toThrow(/belongs to/);
      expect(await rowsOf(index, 't1', 'm1')).toEqual([]);
    });

    it('a reader sees each meeting of a rebuilt batch whole, old or new', async () => {
      const version = (meetingId: string, text: string) => [0, 1, 2].map((n) => doc('t1', meetingId, n, { text: `${text} ${n}` }));
      await index.replaceMeetings('t1', [{ meetingId: 'a', documents: version('a', 'old') }, { meetingId: 'b', documents: version('b', 'old') }]);
      const reader = await LanceVectorIndex.open(directory, TEST_DIMENSIONS);
      const seen: string[] = [];
      let writing = true;
      try {
        const reading = (async () => {
          while (writing) for (const meetingId of ['a', 'b']) seen.push((await rowsOf(reader, 't1', meetingId)).map((row) => row.split('=')[1]!.split(' ')[0]).join(','));
        })();
        for (let round = 0; round < 8; round += 1) {
          const text = round % 2 === 0 ? 'new' : 'old';
          await index.replaceMeetings('t1', [{ meetingId: 'a', documents: version('a', text) }, { meetingId: 'b', documents: version('b', text) }]);
        }
        writing = false;
        await reading;
      } finally {
        await reader.close();
      }
      expect(seen.filter((rows) => rows !== 'old,old,old' && rows !== 'new,new,new')).toEqual([]);
      expect(new Set(seen).size).toBe(2);
    });
  });
});
