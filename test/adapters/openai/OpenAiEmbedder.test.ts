import { afterEach, describe, expect, it } from 'vitest';
import { decodeEmbedding } from '../../../lib/adapters/openai/decodeEmbedding.js';
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from '../../../lib/adapters/openai/OpenAiEmbedder.js';
import { ProviderRejectedError, ProviderUnavailableError } from '../../../lib/domain/errors.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import { fakeEmbedding, type FakeOpenAiOptions } from '../../support/fakes/fakeOpenAiServer.js';
import { startHarness, type Harness } from './support.js';

const texts = ['the budget for next quarter', 'hiring plan', 'release schedule', 'customer feedback', 'database migration'];

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

async function setup(options: Partial<OpenAiEmbedderOptions> = {}, server: FakeOpenAiOptions = {}) {
  harness = await startHarness(server);
  return { server: harness.server, client: harness.client, embedder: new OpenAiEmbedder({ client: harness.client, ...options }) };
}

describe('OpenAiEmbedder through the SDK against a local OpenAI server', () => {
  it('asks for base64 and decodes little-endian float32 vectors exactly, in input order', async () => {
    const { server, embedder } = await setup();

    const vectors = await embedder.embed(texts);

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small', input: texts, encoding_format: 'base64' });
    expect(server.requests[0]?.body).not.toHaveProperty('dimensions');
    expect(embedder.dimensions).toBe(1536);
    expect(embedder.model).toBe('text-embedding-3-small@1536');
    vectors.forEach((vector, i) => {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toEqual(fakeEmbedding(texts[i] ?? '', 1536));
    });
  });

  it('reads plain float arrays too, from a server that ignores encoding_format', async () => {
    const { server, embedder } = await setup();
    server.setFault({ kind: 'floatEmbeddings' });

    const vectors = await embedder.embed(texts);

    expect(vectors.map((v) => v.length)).toEqual(texts.map(() => 1536));
    expect(vectors[2]).toEqual(fakeEmbedding(texts[2] ?? '', 1536));
  });

  it('sends the configured dimensions and checks the size of what comes back', async () => {
    const { server, embedder } = await setup({ model: 'text-embedding-3-large', dimensions: 256 });

    const [vector] = await embedder.embed(['one']);

    expect(server.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-large', dimensions: 256 });
    expect(vector).toHaveLength(256);
    expect(embedder.model).toBe('text-embedding-3-large@256');
  });

  it('rejects, as configuration, vectors of another size than configured', async () => {
    // A self-hosted model answering 384-d vectors while 1536 was expected.
    const { embedder } = await setup({ model: 'text-embedding-3-small' }, { embeddingDimensions: 384 });

    await expect(embedder.embed(texts)).rejects.toThrow(ProviderRejectedError);
    await expect(embedder.embed(texts)).rejects.toThrow(/OPENAI_EMBEDDING_DIMENSIONS/);
  });

  it('needs the dimensions of a model it does not know', async () => {
    const { client } = (harness = await startHarness());
    expect(() => new OpenAiEmbedder({ client, model: 'nomic-embed-text' })).toThrow(/set the embedding dimensions/);
    expect(new OpenAiEmbedder({ client, model: 'nomic-embed-text', dimensions: 768, similarityFloor: 0.4 }).dimensions).toBe(768);
  });

  it('carries the search similarity floor of its model, and needs one for a model it does not know', async () => {
    const { client } = (harness = await startHarness());
    expect(new OpenAiEmbedder({ client }).similarityFloor).toBe(0.3);
    expect(new OpenAiEmbedder({ client, similarityFloor: 0.42 }).similarityFloor).toBe(0.42);
    expect(() => new OpenAiEmbedder({ client, model: 'nomic-embed-text', dimensions: 768 })).toThrow(/OPENAI_EMBEDDING_SIMILARITY_FLOOR/);
    expect(() => new OpenAiEmbedder({ client, similarityFloor: 2 })).toThrow(/between -1 and 1/);
  });

  it('batches by input count and by estimated tokens, keeping the order', async () => {
    const { server, embedder, client } = await setup({ dimensions: 8, maxInputs: 2 });
    const vectors = await embedder.embed(texts);
    expect(server.requests.map((r) => (r.body.input as string[]).length)).toEqual([2, 2, 1]);
    expect(vectors.map((v) => Array.from(v))).toEqual(texts.map((t) => Array.from(fakeEmbedding(t, 8))));

    server.requests.length = 0;
    const long = Array.from({ length: 6 }, (_, i) => `${i} ${'word '.repeat(200)}`);
    const byTokens = new OpenAiEmbedder({ client, dimensions: 8, maxRequestTokens: 600 });
    await byTokens.embed(long);
    expect(server.requests.map((r) => (r.body.input as string[]).length)).toEqual([2, 2, 2]);
  });

  it('never sends more than 2,048 inputs a request', async () => {
    const { server, embedder } = await setup({ dimensions: 4, maxInputs: 5000 });
    const many = Array.from({ length: 2100 }, (_, i) => `text ${i}`);

    const vectors = await embedder.embed(many);

    expect(vectors).toHaveLength(2100);
    expect(server.requests.map((r) => (r.body.input as string[]).length)).toEqual([2048, 52]);
  });

  it('sends an empty text as a space, which the API accepts', async () => {
    const { server, embedder } = await setup({ dimensions: 4 });
    const vectors = await embedder.embed(['', 'x']);
    expect(vectors).toHaveLength(2);
    expect(server.requests[0]?.body.input).toEqual([' ', 'x']);
  });

  it('meters embedding tokens and does not retry (the workflow retries the Index step)', async () => {
    const { server, embedder } = await setup({ dimensions: 4 });
    const { account } = await withStepAccount(() => embedder.embed(texts));
    expect(account.usage).toEqual([{ provider: 'openai', model: 'text-embedding-3-small', unit: 'embedding_tokens', quantity: expect.any(Number) }]);
    expect(account.usage[0]?.quantity).toBeGreaterThan(0);

    server.setFault({ kind: 'status', status: 503 });
    await expect(embedder.embed(texts)).rejects.toThrow(ProviderUnavailableError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('decodeEmbedding', () => {
  it('decodes base64 float32 from any byte offset, and refuses what is not a vector', () => {
    const bytes = Buffer.alloc(13);
    [0.5, -1.25, 3].forEach((v, i) => bytes.writeFloatLE(v, 1 + i * 4));
    const base64 = bytes.subarray(1).toString('base64');

    expect(Array.from(decodeEmbedding(base64) ?? [])).toEqual([0.5, -1.25, 3]);
    expect(Array.from(decodeEmbedding([0.5, 2]) ?? [])).toEqual([0.5, 2]);
    expect(decodeEmbedding('AAA')).toBeNull();
    expect(decodeEmbedding(['a'])).toBeNull();
    expect(decodeEmbedding(null)).toBeNull();
  });
});
