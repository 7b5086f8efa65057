import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import type { KeywordQuery, SearchDocumentKind } from '../../../lib/domain/ports/VectorIndex.js';
import { writeColumnsLayoutFolder } from '../../support/columnsLayoutFolder.js';
import { axis, doc, TEST_DIMENSIONS } from '../../support/indexedDocuments.js';

const DIMENSIONS = TEST_DIMENSIONS;


describe('LanceVectorIndex', () => {
  let directory: string;
  let index: LanceVectorIndex;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-'));
    index = await LanceVectorIndex.open(directory, DIMENSIONS);
  });

  afterEach(async () => {
    await index.close();
    await rm(directory, { recursive: true, force: true });
  });

  const idsOf = async (tenantId: string, extra: { meetingId?: string; kinds?: SearchDocumentKind[] } = {}) =>
    (await index.query({ tenantId, vector: axis(0), limit: 100, ...extra })).map((hit) => hit.document.id).sort();

  it('returns nothing from an index that has never been written, and deletes nothing', async () => {
    expect(await index.query({ tenantId: 't1', vector: axis(0), limit: 5 })).toEqual([]);
    await expect(index.deleteMeeting('t1', 'm1')).resolves.toBeUndefined();
  });

  it('returns documents as stored, nearest first, with score 1 - cosine distance', async () => {
    const stored = doc('t1', 'm1', 2, { speaker: null, kind: 'summary', text: 'Quotes \' and "double" and «marks»' });
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1), stored]);
    const hits = await index.query({ tenantId: 't1', vector: axis(2), limit: 2 });
    expect(hits).toHaveLength(2);
    const { vector: _vector, ...document } = stored;
    expect(hits[0]!.document).toEqual(document);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits[1]!.score).toBeCloseTo(0, 5);
  });

  it('replacing a meeting leaves none of its old documents behind', async () => {
    await index.replaceMeeting('t1', 'm1', [0, 1, 2, 3].map((n) => doc('t1', 'm1', n)));
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 1, { text: 'reprocessed' }), doc('t1', 'm1', 5)]);
    const hits = await index.query({ tenantId: 't1', vector: axis(1), limit: 100 });
    expect(hits.map((hit) => hit.document.id).sort()).toEqual(['m1:transcript:1', 'm1:transcript:5']);
    expect(hits.find((hit) => hit.document.id === 'm1:transcript:1')!.document.text).toBe('reprocessed');
  });

  it('replacing with no documents empties the meeting', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0)]);
    await index.replaceMeeting('t1', 'm1', []);
    expect(await idsOf('t1')).toEqual([]);
  });

  it('keeps tenants apart, even with the same meeting and document ids', async () => {
    await index.replaceMeeting('tenant-a', 'm1', [doc('tenant-a', 'm1', 0), doc('tenant-a', 'm1', 1)]);
    await index.replaceMeeting('tenant-b', 'm1', [doc('tenant-b', 'm1', 0, { text: 'secret of b' })]);
    const hitsOfA = await index.query({ tenantId: 'tenant-a', vector: axis(0), limit: 100 });
    expect(hitsOfA.map((hit) => hit.document.tenantId)).toEqual(['tenant-a', 'tenant-a']);
    expect(hitsOfA.some((hit) => hit.document.text === 'secret of b')).toBe(false);

    // Replacing B's meeting must not touch A's meeting of the same id.
    await index.replaceMeeting('tenant-b', 'm1', []);
    expect(await idsOf('tenant-a')).toEqual(['m1:transcript:0', 'm1:transcript:1']);
    expect(await idsOf('tenant-c')).toEqual([]);
  });

  it("keeps each passage's speaker turns, and reads a folder written before turns were kept", async () => {
    const turns = [
      { speaker: 'Ann', start: 0, end: 9 },
      { speaker: 'Industrial Designer', start: 10, end: 40 },
    ];
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { turns }), doc('t1', 'm1', 1, { kind: 'summary', speaker: null })]);
    const hits = await index.query({ tenantId: 't1', vector: axis(0), limit: 5 });
    expect(hits.find((hit) => hit.document.id === 'm1:transcript:0')?.document.turns).toEqual(turns);
    expect(hits.find((hit) => hit.document.id === 'm1:summary:1')?.document).not.toHaveProperty('turns');

    // As an older version left it: a column per field, and no turns column at all.
    const legacy = await mkdtemp(join(tmpdir(), 'aftercall-lance-legacy-'));
    await writeColumnsLayoutFolder(legacy, [doc('t1', 'm1', 0), doc('t1', 'm1', 1, { kind: 'summary', speaker: null })]);
    const reopened = await LanceVectorIndex.open(legacy, TEST_DIMENSIONS);
    try {
      const old = await reopened.query({ tenantId: 't1', vector: axis(0), limit: 5 });
      expect(old.map((hit) => hit.document.id).sort()).toEqual(['m1:summary:1', 'm1:transcript:0']);
      expect(old.every((hit) => hit.document.turns === undefined)).toBe(true);
      expect(old.find((hit) => hit.document.id === 'm1:transcript:0')?.document).toMatchObject({ speaker: 'Ann', startMs: 0, endMs: 900, utteranceIds: ['u0', 'u1'] });
      // Reindexing fills the column again, in the folder's own layout.
      await reopened.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { turns })]);
      expect((await reopened.query({ tenantId: 't1', vector: axis(0), limit: 5 }))[0]?.document.turns).toEqual(turns);
      expect((await reopened.keywordQuery({ tenantId: 't1', text: 'text', limit: 5 }))[0]?.document).toMatchObject({ id: 'm1:transcript:0', turns });
    } finally {
      await reopened.close();
      await rm(legacy, { recursive: true, force: true });
    }
  });

  it('filters by meeting and by kinds', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1, { id: 'm1:summary:0', kind: 'summary' })]);
    await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0), doc('t1', 'm2', 1, { id: 'm2:chapter:0', kind: 'chapter' })]);
    expect(await idsOf('t1', { meetingId: 'm2' })).toEqual(['m2:chapter:0', 'm2:transcript:0']);
    expect(await idsOf('t1', { kinds: ['summary', 'chapter'] })).toEqual(['m1:summary:0', 'm2:chapter:0']);
    expect(await idsOf('t1', { meetingId: 'm1', kinds: ['chapter'] })).toEqual([]);
    expect(await idsOf('t1', { kinds: [] })).toEqual([]);
  });

  it.each([`x' OR '1'='1`, `x') OR (1=1`, `x\\' OR tenant_id != '`, `' OR ''='`])('treats the malicious id %s as a plain value', async (malicious) => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0)]);
    await index.replaceMeeting('t2', 'm1', [doc('t2', 'm1', 1)]);
    expect(await idsOf(malicious)).toEqual([]);
    expect(await idsOf('t1', { meetingId: malicious })).toEqual([]);
    await index.deleteMeeting(malicious, malicious);
    await index.deleteMeeting('t1', malicious);
    expect(await idsOf('t1')).toEqual(['m1:transcript:0']);
    expect(await idsOf('t2')).toEqual(['m1:transcript:1']);

    // And stored under such ids, documents come back whole and only for that tenant.
    await index.replaceMeeting(malicious, malicious, [doc(malicious, malicious, 2)]);
    expect(await idsOf(malicious)).toEqual([`${malicious}:transcript:2`]);
    expect(await idsOf('t1')).toEqual(['m1:transcript:0']);
  });

  it('deleteMeeting removes one meeting of one tenant', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0)]);
    await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0)]);
    await index.replaceMeeting('t2', 'm1', [doc('t2', 'm1', 0)]);
    await index.deleteMeeting('t1', 'm1');
    expect(await idsOf('t1')).toEqual(['m2:transcript:0']);
    expect(await idsOf('t2')).toEqual(['m1:transcript:0']);
  });

  it('refuses documents of another meeting or vectors of another size', async () => {
    await expect(index.replaceMeeting('t1', 'm1', [doc('t2', 'm1', 0)])).rejects.toThrow(/belongs to/);
    await expect(index.replaceMeeting('t1', 'm1', [doc('t1', 'm2', 0)])).rejects.toThrow(/belongs to/);
    await expect(index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { vector: new Float32Array(3) })])).rejects.toThrow(RangeError);
    await expect(index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 0)])).rejects.toThrow(/duplicate/);
    await expect(index.query({ tenantId: 't1', vector: new Float32Array(3), limit: 5 })).rejects.toThrow(RangeError);
  });

  it('never returns NaN scores for a zero query vector', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0)]);
    const hits = await index.query({ tenantId: 't1', vector: new Float32Array(DIMENSIONS), limit: 5 });
    expect(hits.every((hit) => Number.isFinite(hit.score))).toBe(true);
  });

  it('persists across reopening, and refuses to reopen with other dimensions', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1)]);
    await index.close();
    index = await LanceVectorIndex.open(directory, DIMENSIONS);
    expect(await idsOf('t1')).toEqual(['m1:transcript:0', 'm1:transcript:1']);
    await expect(LanceVectorIndex.open(directory, DIMENSIONS * 2)).rejects.toThrow(/8-dimension/);
  });

  it("sees another instance's writes, including the first one that creates the table", async () => {
    const writer = await LanceVectorIndex.open(directory, DIMENSIONS);
    try {
      await writer.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0)]);
      expect(await idsOf('t1')).toEqual(['m1:transcript:0']);
      await writer.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 1)]);
      expect(await idsOf('t1')).toEqual(['m1:transcript:1']);
    } finally {
      await writer.close();
    }
  });

  it('handles concurrent first writes of several meetings', async () => {
    await Promise.all([1, 2, 3, 4].map((m) => index.replaceMeeting('t1', `m${m}`, [doc('t1', `m${m}`, m)])));
    expect(await idsOf('t1')).toEqual(['m1:transcript:1', 'm2:transcript:2', 'm3:transcript:3', 'm4:transcript:4']);
  });

  describe('keyword search (LanceDB full-text index)', () => {
    const ids = async (text: string, scope: Partial<KeywordQuery> = {}) =>
      (await index.keywordQuery({ tenantId: 't1', text, limit: 50, ...scope })).map((hit) => hit.document.id);

    it('finds nothing before anything is written', async () => {
      expect(await ids('casing')).toEqual([]);
    });

    it('finds passages by their words whatever their vectors, best match first, stemmed and case-blind', async () => {
      await index.replaceMeeting('t1', 'm1', [
        doc('t1', 'm1', 0, { text: 'The rubber casings arrive Friday.' }),
        doc('t1', 'm1', 1, { text: 'Okonkwo ordered the XR-2049 casing, a casing in yellow.' }),
        doc('t1', 'm1', 2, { text: 'Nothing relevant here.' }),
      ]);
      expect(await ids('okonkwo')).toEqual(['m1:transcript:1']);
      expect(await ids('CASING')).toEqual(['m1:transcript:1', 'm1:transcript:0']);
      expect(await ids('xr-2049')).toEqual(['m1:transcript:1']);
      const [hit] = await index.keywordQuery({ tenantId: 't1', text: 'Okonkwo', limit: 5 });
      expect(hit!.document).toMatchObject({ meetingId: 'm1', speaker: 'Ann', utteranceIds: ['u1', 'u2'] });
      expect(hit!.score).toBeGreaterThan(0);
    });

    it('applies tenant, meeting, meeting list and kind filters, and the limit', async () => {
      await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: 'Okonkwo speaks' }), doc('t1', 'm1', 1, { kind: 'summary', text: 'Okonkwo summary' })]);
      await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0, { text: 'Okonkwo again' })]);
      await index.replaceMeeting('t2', 'm1', [doc('t2', 'm1', 0, { text: 'Okonkwo of another tenant' })]);
      expect((await ids('okonkwo')).sort()).toEqual(['m1:summary:1', 'm1:transcript:0', 'm2:transcript:0']);
      expect(await ids('okonkwo', { tenantId: 't2' })).toEqual(['m1:transcript:0']);
      expect(await ids('okonkwo', { tenantId: 't3' })).toEqual([]);
      expect((await ids('okonkwo', { meetingId: 'm1' })).sort()).toEqual(['m1:summary:1', 'm1:transcript:0']);
      expect(await ids('okonkwo', { kinds: ['summary'] })).toEqual(['m1:summary:1']);
      expect(await ids('okonkwo', { kinds: [] })).toEqual([]);
      expect(await ids('okonkwo', { meetingIds: ['m2', 'm9'] })).toEqual(['m2:transcript:0']);
      expect(await ids('okonkwo', { meetingIds: [] })).toEqual([]);
      expect((await index.query({ tenantId: 't1', vector: axis(0), limit: 10, meetingIds: ["m2", "x' OR '1'='1"] })).map((hit) => hit.document.id)).toEqual(['m2:transcript:0']);
      expect(await ids('okonkwo', { limit: 1 })).toHaveLength(1);
    });

    it('forgets deleted and replaced passages, before and after the index is optimised', async () => {
      await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: 'Okonkwo first' }), doc('t1', 'm1', 1, { text: 'Okonkwo second' })]);
      await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0, { text: 'Okonkwo elsewhere' })]);
      await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: 'reprocessed without the name' })]);
      expect(await ids('okonkwo')).toEqual(['m2:transcript:0']);
      await index.optimize();
      await index.replaceMeeting('t1', 'm3', [doc('t1', 'm3', 0, { text: 'Okonkwo written after optimising' })]);
      expect((await ids('okonkwo')).sort()).toEqual(['m2:transcript:0', 'm3:transcript:0']);
      await index.deleteMeeting('t1', 'm2');
      expect(await ids('okonkwo')).toEqual(['m3:transcript:0']);
    });

    it('takes query text as words, never as syntax', async () => {
      await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: "it's Okonkwo's (draft) AND final" })]);
      for (const text of ["x' OR '1'='1", 'okonkwo AND (', '"unbalanced', 'final*', '   ']) {
        await expect(index.keywordQuery({ tenantId: 't1', text, limit: 5 })).resolves.toBeInstanceOf(Array);
      }
      expect(await ids("x' OR '1'='1")).toEqual([]);
    });

    it('gives an index folder written before full-text search its FTS index when opened', async () => {
      await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: 'Okonkwo early' })]);
      // As an older version left it: the table without the full-text index.
      const { connect } = await import('@lancedb/lancedb');
      const connection = await connect(directory);
      const table = await connection.openTable('documents');
      await table.dropIndex('text_idx');
      table.close();
      connection.close();

      const reopened = await LanceVectorIndex.open(directory, TEST_DIMENSIONS);
      try {
        expect((await reopened.keywordQuery({ tenantId: 't1', text: 'okonkwo', limit: 5 })).length).toBe(1);
        await reopened.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0, { text: 'Okonkwo later' })]);
        expect((await reopened.keywordQuery({ tenantId: 't1', text: 'okonkwo', limit: 5 })).length).toBe(2);
      } finally {
        await reopened.close();
      }
    });
  });
});
