import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import type { IndexedDocument } from '../../../lib/domain/ports/VectorIndex.js';
import { doc } from '../../support/indexedDocuments.js';

const DIMENSIONS = 16;

/** Deterministic pseudo-random vectors (mulberry32), so a failure reproduces. */
function vectors(seed: number, count: number): Float32Array[] {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: DIMENSIONS }, next));
}

const meeting = (meetingId: string, count: number, seed: number): IndexedDocument[] => vectors(seed, count).map((vector, n) => doc('t1', meetingId, n, { vector }));

const backlog = async (index: LanceVectorIndex): Promise<number> => Math.max(0, ...Object.values(await index.unindexedRows()));

describe('LanceVectorIndex vector index', () => {
  let directory: string;
  const opened: LanceVectorIndex[] = [];
  const open = async (thresholds: Parameters<typeof LanceVectorIndex.open>[2]): Promise<LanceVectorIndex> => {
    const index = await LanceVectorIndex.open(directory, DIMENSIONS, thresholds);
    opened.push(index);
    return index;
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-kind-'));
  });

  afterEach(async () => {
    for (const index of opened.splice(0)) await index.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('reads HNSW graphs once the table is large enough, finding what an exact search finds', async () => {
    const index = await open({ annMinRows: 500 });
    await index.replaceMeeting('t1', 'm1', meeting('m1', 800, 1));
    await index.optimize();
    expect(Object.keys(await index.unindexedRows())).toContain('vector_hnsw_sq_8');

    let found = 0;
    const queries = vectors(99, 20);
    for (const vector of queries) {
      const scope = { tenantId: 't1', vector, limit: 5 };
      const exact = new Set((await index.query(scope, { exact: true })).map((hit) => hit.document.id));
      found += (await index.query(scope)).filter((hit) => exact.has(hit.document.id)).length;
    }
    // 8-bit quantisation may swap near-ties; a broken index (wrong metric, one partition read) finds far fewer.
    expect(found / (queries.length * 5)).toBeGreaterThanOrEqual(0.9);
  });

  it('replaces the IVF_FLAT index an earlier version built', async () => {
    const earlier = await open({ annMinRows: 1_000_000 });
    await earlier.replaceMeeting('t1', 'm1', meeting('m1', 800, 2));
    await earlier.optimize();
    await earlier.close();
    opened.pop();
    const { connect, Index } = await import('@lancedb/lancedb');
    const connection = await connect(directory);
    const table = await connection.openTable('documents');
    await table.createIndex('vector', { name: 'vector_ivf_28', config: Index.ivfFlat({ numPartitions: 4, distanceType: 'cosine' }) });
    table.close();
    connection.close();

    const index = await open({ annMinRows: 500 });
    expect(Object.keys(await index.unindexedRows())).toContain('vector_ivf_28');
    await index.optimize();
    const names = Object.keys(await index.unindexedRows());
    expect(names).toContain('vector_hnsw_sq_8');
    expect(names).not.toContain('vector_ivf_28');
  });

  it('optimises after a write that leaves too many rows unindexed, without waiting for 50 writes', async () => {
    const index = await open({ annMinRows: 1_000_000, maxUnindexedRows: 100 });
    // The first write builds the indices; the next rows wait for an optimise.
    await index.replaceMeeting('t1', 'm0', meeting('m0', 10, 3));
    await index.replaceMeeting('t1', 'm1', meeting('m1', 80, 4));
    expect(await backlog(index)).toBe(80);

    await index.replaceMeeting('t1', 'm2', meeting('m2', 400, 5));
    await vi.waitFor(async () => expect(await backlog(index)).toBe(0), { timeout: 20_000, interval: 100 });

    // Past the row bound but not past half of the 490 rows indexed: the backlog waits.
    await index.replaceMeeting('t1', 'm3', meeting('m3', 150, 6));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await backlog(index)).toBe(150);
    await index.replaceMeeting('t1', 'm4', meeting('m4', 100, 7));
    await vi.waitFor(async () => expect(await backlog(index)).toBe(0), { timeout: 20_000, interval: 100 });
  });

  it('leaves a backlog under the bound to the write-count rule', async () => {
    const index = await open({ annMinRows: 1_000_000 });
    await index.replaceMeeting('t1', 'm0', meeting('m0', 10, 8));
    await index.replaceMeeting('t1', 'm1', meeting('m1', 300, 9));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await backlog(index)).toBe(300);
  });
});

describe('LanceVectorIndex row layout', () => {
  it('creates new folders with the filtered columns and one details column, the rest packed in it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-layout-'));
    try {
      const index = await LanceVectorIndex.open(directory, DIMENSIONS);
      const [document] = meeting('m1', 1, 10);
      await index.replaceMeeting('t1', 'm1', [{ ...document!, turns: [{ speaker: 'Ann', start: 0, end: 3 }] }]);
      expect((await index.keywordQuery({ tenantId: 't1', text: 'text', limit: 1 }))[0]?.document).toEqual({ ...document, turns: [{ speaker: 'Ann', start: 0, end: 3 }], vector: undefined });
      await index.close();
      const { connect } = await import('@lancedb/lancedb');
      const connection = await connect(directory);
      const table = await connection.openTable('documents');
      expect((await table.schema()).fields.map((field) => field.name)).toEqual(['id', 'tenant_id', 'meeting_id', 'kind', 'text', 'details', 'vector']);
      table.close();
      connection.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
