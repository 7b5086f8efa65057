import { randomUUID } from 'node:crypto';
import { Pinecone } from '@pinecone-database/pinecone';
import { afterEach, describe, expect, it } from 'vitest';
import { createPineconeClient } from '../../../lib/adapters/pinecone/createPineconeClient.js';
import { PineconeIndexError } from '../../../lib/adapters/pinecone/pineconeErrors.js';
import { PineconeVectorIndex } from '../../../lib/adapters/pinecone/PineconeVectorIndex.js';
import { ProviderAuthError, ProviderUnavailableError } from '../../../lib/domain/errors.js';
import type { IndexedDocument, SearchDocumentKind } from '../../../lib/domain/ports/VectorIndex.js';
import { axis, doc, TEST_DIMENSIONS } from '../../support/indexedDocuments.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import {
  FAKE_PINECONE_API_VERSION,
  startFakePineconeServer,
  type FakePineconeOptions,
  type FakePineconeServer,
} from '../../support/fakes/fakePineconeServer.js';

const API_KEY = 'pcsk_test-secret-4f1d2c';
const DIMENSIONS = TEST_DIMENSIONS;


const many = (tenantId: string, meetingId: string, count: number, overrides: Partial<IndexedDocument> = {}): IndexedDocument[] =>
  Array.from({ length: count }, (_, n) => doc(tenantId, meetingId, n, overrides));

const servers: FakePineconeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Mode = 'control plane' | 'explicit host';

async function setup(mode: Mode, serverOptions: Partial<FakePineconeOptions> = {}, apiKey = API_KEY) {
  // A fresh index name per server: nothing may be remembered from another test's server.
  const indexName = `meetings-${randomUUID().slice(0, 8)}`;
  const server = await startFakePineconeServer({ apiKey: API_KEY, indexName, dimension: DIMENSIONS, ...serverOptions });
  servers.push(server);
  const client = createPineconeClient({ apiKey, controllerHostUrl: server.url, requestTimeoutMs: 500 });
  const index = new PineconeVectorIndex(client, mode === 'explicit host' ? { indexName, indexHost: server.url } : { indexName });
  const dataRequests = (path: string) => server.requests.filter((request) => request.path === path);
  return { server, index, indexName, dataRequests };
}

const idsOf = async (index: PineconeVectorIndex, tenantId: string, extra: { meetingId?: string; meetingIds?: string[]; kinds?: SearchDocumentKind[] } = {}) =>
  (await index.query({ tenantId, vector: axis(0), limit: 10_000, ...extra })).map((hit) => hit.document.id).sort();

describe.each<Mode>(['control plane', 'explicit host'])('PineconeVectorIndex through the SDK, %s', (mode) => {
  it('returns documents as stored, nearest first, with cosine similarity as the score', async () => {
    const { index } = await setup(mode);
    const diagonal = new Float32Array(DIMENSIONS).fill(0);
    diagonal[1] = 1;
    diagonal[2] = 1;
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1), doc('t1', 'm1', 2, { vector: diagonal })]);

    const hits = await index.query({ tenantId: 't1', vector: axis(1), limit: 2 });

    expect(hits.map((hit) => hit.document.id)).toEqual(['m1:transcript:1', 'm1:transcript:2']);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    expect(hits[1]?.score).toBeCloseTo(Math.SQRT1_2, 5);
    const { vector: _vector, ...expected } = doc('t1', 'm1', 1);
    expect(hits[0]?.document).toEqual(expected);
  });

  it('round-trips a null speaker as a missing metadata field (Pinecone metadata has no null)', async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { kind: 'summary', speaker: null }), doc('t1', 'm1', 1)]);

    const stored = server.vectors('tenant-t1');
    expect(stored.find((vector) => vector.id === 'm1:summary:0')?.metadata).not.toHaveProperty('speaker');
    expect(stored.find((vector) => vector.id === 'm1:transcript:1')?.metadata).toMatchObject({ speaker: 'Ann', utteranceIds: ['u1', 'u2'] });

    const [summary] = await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });
    expect(summary?.document).toMatchObject({ id: 'm1:summary:0', speaker: null, kind: 'summary', startMs: 0, endMs: 900 });
  });

  it('replaces a meeting: new ids in, stale ids out, also when the new set is smaller, other meetings untouched', async () => {
    const { index } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 5));
    await index.replaceMeeting('t1', 'm2', many('t1', 'm2', 2));

    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text: 'rewritten' }), doc('t1', 'm1', 0, { kind: 'summary', speaker: null })]);

    expect(await idsOf(index, 't1', { meetingId: 'm1' })).toEqual(['m1:summary:0', 'm1:transcript:0']);
    expect(await idsOf(index, 't1', { meetingId: 'm2' })).toEqual(['m2:transcript:0', 'm2:transcript:1']);
    const [rewritten] = await index.query({ tenantId: 't1', vector: axis(0), limit: 1, meetingId: 'm1', kinds: ['transcript'] });
    expect(rewritten?.document.text).toBe('rewritten');

    await index.replaceMeeting('t1', 'm1', []);
    expect(await idsOf(index, 't1', { meetingId: 'm1' })).toEqual([]);
  });

  it('upserts before deleting, so a reprocess never leaves the meeting without records', async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 3));
    const before = server.requests.length;

    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2));

    const paths = server.requests.slice(before).map((request) => request.path);
    expect(paths).toEqual(['/vectors/upsert', '/vectors/list', '/vectors/delete']);
    expect(server.requests.at(-1)?.body).toEqual({ ids: ['m1:transcript:2'], namespace: 'tenant-t1' });
  });

  it("keeps tenants apart: one namespace each, and tenant A's query never returns B's records", async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('A', 'm1', [doc('A', 'm1', 0, { text: 'alpha' })]);
    await index.replaceMeeting('B', 'm1', [doc('B', 'm1', 0, { text: 'bravo' })]);

    const hits = await index.query({ tenantId: 'A', vector: axis(0), limit: 100 });

    expect(hits.map((hit) => [hit.document.tenantId, hit.document.text])).toEqual([['A', 'alpha']]);
    expect(server.vectors('tenant-A').map((vector) => vector.id)).toEqual(['m1:transcript:0']);
    expect(server.vectors('tenant-B').map((vector) => vector.metadata?.['text'])).toEqual(['bravo']);

    await index.deleteMeeting('A', 'm1');
    expect(await idsOf(index, 'A')).toEqual([]);
    expect(await idsOf(index, 'B')).toEqual(['m1:transcript:0']);
  });

  it('filters by meeting and by kinds, and an empty list of kinds finds nothing', async () => {
    const { index } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 0, { kind: 'summary' }), doc('t1', 'm1', 0, { kind: 'action_item' })]);
    await index.replaceMeeting('t1', 'm2', [doc('t1', 'm2', 0), doc('t1', 'm2', 0, { kind: 'chapter' })]);

    expect(await idsOf(index, 't1', { meetingId: 'm2' })).toEqual(['m2:chapter:0', 'm2:transcript:0']);
    expect(await idsOf(index, 't1', { kinds: ['summary', 'chapter'] })).toEqual(['m1:summary:0', 'm2:chapter:0']);
    expect(await idsOf(index, 't1', { meetingId: 'm1', kinds: ['action_item'] })).toEqual(['m1:action_item:0']);
    expect(await idsOf(index, 't1', { kinds: [] })).toEqual([]);
    // A list of meetings (a date range), alone or with one meeting.
    expect(await idsOf(index, 't1', { meetingIds: ['m2', 'm3'] })).toEqual(['m2:chapter:0', 'm2:transcript:0']);
    expect(await idsOf(index, 't1', { meetingIds: ['m2'], meetingId: 'm1' })).toEqual([]);
    expect(await idsOf(index, 't1', { meetingIds: [] })).toEqual([]);
  });

  it('splits a large meeting into upserts of at most 1,000 records, lists it page by page and deletes in batches of 1,000', async () => {
    const { index, dataRequests, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2_300));

    const upserts = dataRequests('/vectors/upsert');
    expect(upserts.map((request) => (request.body as { vectors: unknown[] }).vectors.length)).toEqual([1000, 1000, 300]);
    expect(server.vectors('tenant-t1')).toHaveLength(2_300);

    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 100));

    expect(server.vectors('tenant-t1')).toHaveLength(100);
    expect(dataRequests('/vectors/list').length).toBeGreaterThan(1);
    const deletes = dataRequests('/vectors/delete').map((request) => (request.body as { ids: string[] }).ids.length);
    expect(deletes).toEqual([1000, 1000, 200]);
  });

  it('splits upserts by size too, keeping every request within 2 MB', async () => {
    const { index, dataRequests, server } = await setup(mode);
    const bulky = many('t1', 'm1', 120, { text: 'x'.repeat(30_000) });

    await index.replaceMeeting('t1', 'm1', bulky);

    const upserts = dataRequests('/vectors/upsert');
    expect(upserts.length).toBeGreaterThanOrEqual(2);
    for (const request of upserts) expect(request.bytes).toBeLessThanOrEqual(2_000_000);
    expect(server.vectors('tenant-t1')).toHaveLength(120);
  });

  it('cuts text that would push metadata over 40 KB, at a character boundary', async () => {
    const { index, server } = await setup(mode);
    const text = 'é🎙'.repeat(20_000);
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { text })]);

    const [stored] = server.vectors('tenant-t1');
    expect(Buffer.byteLength(JSON.stringify(stored?.metadata))).toBeLessThanOrEqual(40_000);
    const [hit] = await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });
    const returned = hit?.document.text ?? '';
    expect(returned.length).toBeGreaterThan(10_000);
    expect(text.startsWith(returned)).toBe(true);
    expect(returned.endsWith('🎙') || returned.endsWith('é')).toBe(true);
  });

  it('deletes a meeting by listing its ids, leaving the tenant’s other meetings', async () => {
    const { index, dataRequests } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 250));
    await index.replaceMeeting('t1', 'm2', many('t1', 'm2', 3));

    await index.deleteMeeting('t1', 'm1');

    expect(await idsOf(index, 't1')).toEqual(['m2:transcript:0', 'm2:transcript:1', 'm2:transcript:2']);
    expect(dataRequests('/vectors/list').every((request) => request.query['prefix']?.endsWith(':'))).toBe(true);
    await expect(index.deleteMeeting('t1', 'never-indexed')).resolves.toBeUndefined();
  });

  it('skips zero vectors (no direction, and Pinecone rejects them) and answers a zero query with nothing', async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 1, { vector: new Float32Array(DIMENSIONS) })]);

    expect(server.vectors('tenant-t1').map((vector) => vector.id)).toEqual(['m1:transcript:0']);
    expect(await index.query({ tenantId: 't1', vector: new Float32Array(DIMENSIONS), limit: 5 })).toEqual([]);
  });

  it('sends the API version and the key on every request', async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 3));
    await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });

    expect(server.requests.every((request) => request.apiVersion === FAKE_PINECONE_API_VERSION && request.hadApiKey)).toBe(true);
  });

  it('meters one request per billed call', async () => {
    const { index } = await setup(mode);
    const { account } = await withStepAccount(async () => {
      await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 3));
      await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });
    });

    expect(account.usage.map((line) => `${line.provider}/${line.model}/${line.unit}=${line.quantity}`)).toEqual([
      'pinecone/upsert/requests=1',
      'pinecone/list/requests=1',
      'pinecone/query/requests=1',
    ]);
  });

  it('turns a 503 into ProviderUnavailableError after exactly one request', async () => {
    const { index, server } = await setup(mode);
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2));
    const before = server.requests.length;
    server.setFault({ status: 503 });

    await expect(index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).rejects.toBeInstanceOf(ProviderUnavailableError);

    expect(server.requests.length - before).toBe(1);
    await expect(index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).resolves.toHaveLength(1);
  });

  it.each([429, 500])('turns a %i into ProviderUnavailableError after exactly one request', async (status) => {
    const { index, server } = await setup(mode);
    await index.deleteMeeting('t1', 'm0');
    const before = server.requests.length;
    server.setFault({ status });

    await expect(index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2))).rejects.toBeInstanceOf(ProviderUnavailableError);

    expect(server.requests.length - before).toBe(1);
  });

  it('gives up on a hung request at its deadline with ProviderUnavailableError, after exactly one request', async () => {
    const { index, server } = await setup(mode);
    await index.deleteMeeting('t1', 'm0');
    const before = server.requests.length;
    server.setFault({ hang: true });

    await expect(index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).rejects.toBeInstanceOf(ProviderUnavailableError);

    expect(server.requests.length - before).toBe(1);
  });

  it('turns a rejected key (401) into ProviderAuthError without the key anywhere in the error', async () => {
    const wrongKey = 'pcsk_wrong-secret-9a8b7c';
    const { index, server } = await setup(mode, {}, wrongKey);

    const error: unknown = await index.query({ tenantId: 't1', vector: axis(0), limit: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderAuthError);
    const everything = [String(error), JSON.stringify(error), String((error as Error).cause), (error as Error).stack ?? ''].join('\n');
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('turns a 403 into ProviderAuthError', async () => {
    const { index, server } = await setup(mode);
    server.setFault({ status: 403 });

    await expect(index.deleteMeeting('t1', 'm1')).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it('refuses documents of another meeting or tenant, ids it could not find again, and duplicates', async () => {
    const { index, server } = await setup(mode);

    await expect(index.replaceMeeting('t1', 'm1', [doc('t2', 'm1', 0)])).rejects.toThrow(/belongs to t2\/m1/);
    await expect(index.replaceMeeting('t1', 'm1', [{ ...doc('t1', 'm1', 0), id: 'other:transcript:0' }])).rejects.toThrow(/does not start with "m1:"/);
    await expect(index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0), doc('t1', 'm1', 0)])).rejects.toThrow(/duplicate id/);
    await expect(index.deleteMeeting('t1', 'm1:x')).rejects.toThrow(/cannot be an id prefix/);
    expect(server.requests.filter((request) => request.path.startsWith('/vectors'))).toHaveLength(0);
  });
});

describe('PineconeVectorIndex through the control plane', () => {
  it('describes the index once and reuses its host', async () => {
    const { index, server, indexName } = await setup('control plane');
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2));
    await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });
    await index.deleteMeeting('t1', 'm1');

    expect(server.requests.filter((request) => request.path.startsWith('/indexes/')).map((request) => request.path)).toEqual([`/indexes/${indexName}`]);
  });

  it('names the index when it does not exist (404), as a final error', async () => {
    const server = await startFakePineconeServer({ apiKey: API_KEY, indexName: 'exists', dimension: DIMENSIONS });
    servers.push(server);
    const index = new PineconeVectorIndex(createPineconeClient({ apiKey: API_KEY, controllerHostUrl: server.url }), { indexName: 'no-such-index' });

    const error: unknown = await index.query({ tenantId: 't1', vector: axis(0), limit: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PineconeIndexError);
    expect(String(error)).toContain('"no-such-index" was not found');
  });

  it('refuses an index that is not cosine or not serverless, and waits for one that is initializing', async () => {
    const euclidean = await setup('control plane', { metric: 'euclidean' });
    await expect(euclidean.index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).rejects.toThrow(/euclidean metric/);
    const pod = await setup('control plane', { podBased: true });
    await expect(pod.index.deleteMeeting('t1', 'm1')).rejects.toBeInstanceOf(PineconeIndexError);
    const initializing = await setup('control plane', { initializing: true });
    await expect(initializing.index.deleteMeeting('t1', 'm1')).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('describes again after a failed describe', async () => {
    const { index, server } = await setup('control plane');
    server.setFault({ status: 503 });

    await expect(index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(server.requests).toHaveLength(1);
    await expect(index.query({ tenantId: 't1', vector: axis(0), limit: 1 })).resolves.toEqual([]);
  });

  it('checks vector dimensions against the described index before sending anything', async () => {
    const { index, server } = await setup('control plane');
    const wide = new Float32Array(DIMENSIONS + 1).fill(1);

    await expect(index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { vector: wide })])).rejects.toBeInstanceOf(RangeError);
    await expect(index.query({ tenantId: 't1', vector: wide, limit: 1 })).rejects.toBeInstanceOf(RangeError);
    expect(server.requests.filter((request) => request.path.startsWith('/vectors') || request.path === '/query')).toHaveLength(0);
  });
});

describe('PineconeVectorIndex with an explicit host', () => {
  it('never calls the control plane', async () => {
    const { index, server } = await setup('explicit host');
    await index.replaceMeeting('t1', 'm1', many('t1', 'm1', 2));
    await index.query({ tenantId: 't1', vector: axis(0), limit: 1 });

    expect(server.requests.some((request) => request.path.startsWith('/indexes'))).toBe(false);
  });

  it("passes Pinecone's own reason on for a rejected request (400), as a final error", async () => {
    const { index } = await setup('explicit host');
    const wide = new Float32Array(DIMENSIONS + 1).fill(1);

    const error: unknown = await index.replaceMeeting('t1', 'm1', [doc('t1', 'm1', 0, { vector: wide })]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ProviderUnavailableError);
    expect(String(error)).toContain('Vector dimension 9 does not match the dimension of the index 8');
  });
});

describe('PineconeVectorIndex configuration', () => {
  it('refuses a client that retries on its own (the SDK default) or has no request deadline', () => {
    expect(() => new PineconeVectorIndex(new Pinecone({ apiKey: API_KEY }), { indexName: 'meetings' })).toThrow(/createPineconeClient/);
    expect(() => new PineconeVectorIndex(new Pinecone({ apiKey: API_KEY, maxRetries: 0 }), { indexName: 'meetings' })).toThrow(/createPineconeClient/);
  });
});
