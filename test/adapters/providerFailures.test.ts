import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeepgramClient } from '../../lib/adapters/deepgram/createDeepgramClient.js';
import { DeepgramTranscriber } from '../../lib/adapters/deepgram/DeepgramTranscriber.js';
import { toDomainError as openAiError } from '../../lib/adapters/openai/errors.js';
import { createPineconeClient } from '../../lib/adapters/pinecone/createPineconeClient.js';
import { PineconeVectorIndex } from '../../lib/adapters/pinecone/PineconeVectorIndex.js';
import { classifyProviderFailure, type FailureKind, type ProviderFailure } from '../../lib/domain/classifyProviderFailure.js';
import { ProviderAuthError, ProviderUnavailableError } from '../../lib/domain/errors.js';
import { startFakeDeepgramServer, type FakeDeepgramServer } from '../support/fakes/fakeDeepgramServer.js';
import { startFakePineconeServer, type FakePineconeServer } from '../support/fakes/fakePineconeServer.js';
import { axis, TEST_DIMENSIONS } from '../support/indexedDocuments.js';
import { startHarness, type Harness } from './openai/support.js';

// One table decides what is worth retrying, for every provider.
const STATUSES: [number, FailureKind][] = [
  [429, 'retryable'],
  [500, 'retryable'],
  [502, 'retryable'],
  [503, 'retryable'],
  [504, 'retryable'],
  [408, 'retryable'],
  [409, 'retryable'],
  [400, 'rejected'],
  [404, 'rejected'],
  [422, 'rejected'],
  [401, 'auth'],
  [402, 'auth'],
  [403, 'auth'],
];

describe('classifyProviderFailure', () => {
  it.each<[ProviderFailure, FailureKind]>([
    ...STATUSES.map(([status, kind]): [ProviderFailure, FailureKind] => [{ status }, kind]),
    [{ network: 'ECONNRESET' }, 'retryable'],
    [{ network: 'ECONNREFUSED' }, 'retryable'],
    [{ network: 'timeout' }, 'retryable'],
    // An exhausted quota answers 429, but waiting does not refill it.
    [{ status: 429, code: 'insufficient_quota' }, 'auth'],
  ])('%o → %s', (failure, kind) => {
    expect(classifyProviderFailure(failure)).toBe(kind);
  });
});

/** What the workflow sees for each kind: retried, or final. */
function expectKind(error: unknown, kind: FailureKind): void {
  if (kind === 'retryable') expect(error).toBeInstanceOf(ProviderUnavailableError);
  else if (kind === 'auth') expect(error).toBeInstanceOf(ProviderAuthError);
  else {
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ProviderUnavailableError);
    expect(error).not.toBeInstanceOf(ProviderAuthError);
  }
}

describe('every provider adapter follows the table, through its real SDK against a local server', () => {
  let openai: Harness;
  let deepgram: FakeDeepgramServer;
  let pinecone: FakePineconeServer;
  let transcriber: DeepgramTranscriber;
  let index: PineconeVectorIndex;

  beforeAll(async () => {
    openai = await startHarness();
    deepgram = await startFakeDeepgramServer({ apiKey: 'dg-key', turns: [] });
    transcriber = new DeepgramTranscriber(createDeepgramClient({ apiKey: 'dg-key', baseUrl: deepgram.url }), {
      recording: { getBytes: async () => new Uint8Array(1024).fill(7) },
    });
    pinecone = await startFakePineconeServer({ apiKey: 'pc-key', indexName: 'meetings', dimension: TEST_DIMENSIONS });
    index = new PineconeVectorIndex(createPineconeClient({ apiKey: 'pc-key', controllerHostUrl: pinecone.url, requestTimeoutMs: 500 }), {
      indexName: 'meetings',
      indexHost: pinecone.url,
    });
  });
  afterAll(async () => {
    await Promise.all([openai.server.close(), deepgram.close(), pinecone.close()]);
  });

  it.each(STATUSES)('HTTP %i → %s for OpenAI, Deepgram and Pinecone', async (status, kind) => {
    openai.server.setFault({ kind: 'status', status });
    const fromOpenAi = await openai.client.embeddings.create({ model: 'm', input: ['x'] }, { maxRetries: 0 }).then(
      () => null,
      (error: unknown) => openAiError(error, { what: 'embed', apiKey: openai.client.apiKey }),
    );
    expectKind(fromOpenAi, kind);

    deepgram.setFault({ kind: 'status', status });
    expectKind(await transcriber.transcribe({ meetingId: 'mtg_0123456789abcdef01234567', recordingKey: 'r.wav' }).catch((e: unknown) => e), kind);

    pinecone.setFault({ status });
    expectKind(await index.query({ tenantId: 't1', vector: axis(0), limit: 1 }).catch((e: unknown) => e), kind);
  });
});
