import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import { axis, doc, TEST_DIMENSIONS } from '../../support/indexedDocuments.js';

// Rows written after the indices were built are scanned by every search, not looked up: the
// backlog is what `unindexedRows` reports and what `optimize` must bring back to zero.
describe('LanceVectorIndex index backlog', () => {
  let directory: string;
  let index: LanceVectorIndex;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-backlog-'));
    index = await LanceVectorIndex.open(directory, TEST_DIMENSIONS);
  });

  afterEach(async () => {
    await index.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('counts rows appended after the indices were built, still finds them, and has none left after optimize', async () => {
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1)]);
    expect(Object.values(await index.unindexedRows()).every((rows) => rows === 0)).toBe(true);

    await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 2), doc('t1', 'm2', 3), doc('t1', 'm2', 4)]);
    const backlog = await index.unindexedRows();
    expect(Object.keys(backlog).length).toBeGreaterThan(0);
    expect(Math.max(...Object.values(backlog))).toBe(3);
    // Unindexed rows are scanned, so a new meeting is findable before optimize.
    expect((await index.query({ tenantId: 't1', vector: axis(3), limit: 1 }))[0]!.document.id).toBe('m2:transcript:3');

    await index.optimize();
    expect(Object.values(await index.unindexedRows()).every((rows) => rows === 0)).toBe(true);
    expect((await index.query({ tenantId: 't1', vector: axis(3), limit: 1 }))[0]!.document.id).toBe('m2:transcript:3');
  });

  it('an exact query finds what the index finds on a small table', async () => {
    await index.replaceMeeting('t1', 'm1', [0, 1, 2, 3].map((n) => doc('t1', 'm1', n)));
    const scope = { tenantId: 't1', vector: axis(2), limit: 2 };
    const exact = await index.query(scope, { exact: true });
    expect(exact.map((hit) => hit.document.id)).toEqual((await index.query(scope)).map((hit) => hit.document.id));
    expect(exact[0]!.document.id).toBe('m1:transcript:2');
  });
});
