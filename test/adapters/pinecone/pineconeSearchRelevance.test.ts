import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiEmbedder } from '../../../lib/adapters/openai/OpenAiEmbedder.js';
import { createPineconeClient } from '../../../lib/adapters/pinecone/createPineconeClient.js';
import { PineconeVectorIndex } from '../../../lib/adapters/pinecone/PineconeVectorIndex.js';
import type { Embedder } from '../../../lib/domain/ports/Embedder.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { searchArchive } from '../../../lib/domain/search/searchArchive.js';
import { startFakePineconeServer, type FakePineconeServer } from '../../support/fakes/fakePineconeServer.js';
import { transcriptOf } from '../../domain/search/fixtures.js';
import { startHarness, type Harness } from '../openai/support.js';

const API_KEY = 'pcsk_test-relevance-7a1b';

const designMeeting = transcriptOf('design', [
  ['Project Manager', 'Welcome everyone, today we decide the remote control layout.'],
  ['User Interface', 'The buttons should be large and the menu simple.'],
  ['Industrial Designer', 'A rubber casing with large buttons is cheap to produce.'],
  ['Project Manager', 'Fine, so large buttons it is.'],
]);
const hiringMeeting = transcriptOf('hiring', [
  ['Ann', 'We interviewed three candidates for the designer position.'],
  ['Ben', 'The second candidate had the strongest portfolio.'],
]);

/**
 * Search on the Pinecone path: the real Pinecone SDK against a wire-format server on loopback
 * (query scores are cosine similarities), no keyword search, so the relevance rule sees only the
 * vector candidates — with the offline embedder, and with OpenAI embeddings through the real
 * OpenAI SDK against its wire-format server (whose vectors carry no meaning: only words can match).
 */
describe.each<'hashed terms' | 'OpenAI text-embedding-3-small'>(['hashed terms', 'OpenAI text-embedding-3-small'])('search relevance on Pinecone, %s', (kind) => {
  let pinecone: FakePineconeServer;
  let openai: Harness | null = null;
  let embedder: Embedder;
  let index: PineconeVectorIndex;
  const deps = () => ({ embedder, index });

  beforeAll(async () => {
    if (kind === 'hashed terms') embedder = new HashedTermEmbedder();
    else {
      openai = await startHarness();
      embedder = new OpenAiEmbedder({ client: openai.client, dimensions: 256 });
    }
    pinecone = await startFakePineconeServer({ apiKey: API_KEY, indexName: 'meetings', dimension: embedder.dimensions });
    index = new PineconeVectorIndex(createPineconeClient({ apiKey: API_KEY, controllerHostUrl: pinecone.url, requestTimeoutMs: 2_000 }), { indexName: 'meetings', indexHost: pinecone.url });
    await indexMeeting(deps(), { tenantId: 't1', transcript: designMeeting });
    await indexMeeting(deps(), { tenantId: 't1', transcript: hiringMeeting });
  });
  afterAll(async () => {
    await pinecone.close();
    await openai?.server.close();
  });

  it('finds nothing for a query that matches nothing, though Pinecone returns its nearest records', async () => {
    const [vector] = await embedder.embed(['xylophone quantum']);
    expect((await index.query({ tenantId: 't1', vector: vector!, limit: 40 })).length).toBeGreaterThan(0);
    expect(await searchArchive(deps(), { tenantId: 't1', query: 'xylophone quantum' })).toEqual([]);
  });

  it('finds a word said once at that passage only', async () => {
    const hits = await searchArchive(deps(), { tenantId: 't1', query: 'portfolio' });
    expect(hits.map((hit) => hit.meetingId)).toEqual(['hiring']);
    expect(hits[0]!.snippet).toContain('«portfolio»');
  });

  it('keeps every speaker of a passage in the record, and filters and labels by them', async () => {
    const stored = pinecone.vectors('tenant-t1').find((vector) => vector.id === 'design:transcript:0');
    expect(JSON.parse(String(stored?.metadata?.['turns'])).map(([speaker]: [string]) => speaker)).toEqual([
      'Project Manager',
      'User Interface',
      'Industrial Designer',
      'Project Manager',
    ]);
    const hits = await searchArchive(deps(), { tenantId: 't1', query: 'large buttons', speaker: 'industrial' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.speaker === 'Industrial Designer' && /^…?Industrial Designer: /.test(hit.snippet))).toBe(true);
  });

  it('reads records written before turns were kept by their main speaker', async () => {
    await index.replaceMeeting('t2', 'design', (await recordsOf('t1', 'design')).map(({ turns: _turns, ...document }) => ({ ...document, tenantId: 't2' })));
    expect(pinecone.vectors('tenant-t2').every((vector) => vector.metadata?.['turns'] === undefined)).toBe(true);
    const hits = await searchArchive(deps(), { tenantId: 't2', query: 'large buttons', speaker: 'manager' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.speaker === 'Project Manager')).toBe(true);
  });

  async function recordsOf(tenantId: string, meetingId: string) {
    const vectors = pinecone.vectors(`tenant-${tenantId}`).filter((vector) => vector.id.startsWith(`${meetingId}:`));
    const [probe] = await embedder.embed(['large buttons']);
    const hits = await index.query({ tenantId, vector: probe!, limit: 100, meetingId });
    return hits.map((hit) => ({ ...hit.document, vector: Float32Array.from(vectors.find((vector) => vector.id === hit.document.id)!.values) }));
  }
});
