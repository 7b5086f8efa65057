import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../lib/domain/ports/Embedder.js';
import { EmbeddingMismatchError } from '../../../lib/domain/search/errors.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { EMBED_BATCH_SIZE, indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { UNDERSTANDING_SCHEMA_VERSION, type Summary } from '../../../lib/domain/understanding/schema.js';
import { InMemoryVectorIndex, transcriptOf } from './fixtures.js';

/** Records the batch sizes it is asked for, and embeds like the real one. */
class CountingEmbedder implements Embedder {
  readonly inner = new HashedTermEmbedder({ dimensions: 32 });
  readonly model = this.inner.model;
  readonly dimensions = this.inner.dimensions;
  readonly similarityFloor = this.inner.similarityFloor;
  readonly batches: number[] = [];
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.batches.push(texts.length);
    return this.inner.embed(texts);
  }
}

const manyTurns = (meetingId: string, count: number, topic: string) =>
  transcriptOf(
    meetingId,
    Array.from({ length: count }, (_, index) => ['Ann', `${topic} point number ${index} about ${topic}${index} and more words to fill a window of speech here`] as const),
  );

describe('indexMeeting', () => {
  it('embeds in batches and stores every document of the meeting', async () => {
    const embedder = new CountingEmbedder();
    const index = new InMemoryVectorIndex();
    const { meetingId, documents } = await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: manyTurns('m1', 400, 'budget') });
    expect(meetingId).toBe('m1');
    expect(documents).toBeGreaterThan(EMBED_BATCH_SIZE);
    expect(Math.max(...embedder.batches)).toBeLessThanOrEqual(EMBED_BATCH_SIZE);
    expect(embedder.batches.reduce((sum, size) => sum + size, 0)).toBe(documents);
    expect(index.documents).toHaveLength(documents);
    expect(index.documents.every((document) => document.vector.length === 32)).toBe(true);
  });

  it('replaces the meeting on reprocessing, leaving other meetings alone', async () => {
    const embedder = new CountingEmbedder();
    const index = new InMemoryVectorIndex();
    await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: manyTurns('m1', 40, 'budget') });
    await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: manyTurns('m2', 10, 'hiring') });
    const { documents } = await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: manyTurns('m1', 5, 'casing') });
    const m1 = index.documents.filter((document) => document.meetingId === 'm1');
    expect(m1).toHaveLength(documents);
    expect(m1.every((document) => document.text.includes('casing'))).toBe(true);
    expect(index.documents.some((document) => document.meetingId === 'm2')).toBe(true);
  });

  it('leaves out documents without content words, whose vector would be zero', async () => {
    const index = new InMemoryVectorIndex();
    const transcript = transcriptOf('m1', [['Ann', 'The budget is fine.']]);
    const summary: Summary = { schemaVersion: UNDERSTANDING_SCHEMA_VERSION, meetingId: 'm1', engine: 'test', text: 'Okay, yeah.', sentences: [] };
    const { documents } = await indexMeeting({ embedder: new CountingEmbedder(), index }, { tenantId: 't1', transcript, summary });
    expect(documents).toBe(1);
    expect(index.documents.map((document) => document.kind)).toEqual(['transcript']);
  });

  it('refuses vectors of the wrong size rather than corrupting the index', async () => {
    const broken: Embedder = { model: 'broken', dimensions: 8, similarityFloor: 0.5, embed: async (texts) => texts.map(() => new Float32Array(4).fill(0.5)) };
    const index = new InMemoryVectorIndex();
    await expect(indexMeeting({ embedder: broken, index }, { tenantId: 't1', transcript: manyTurns('m1', 3, 'x') })).rejects.toThrow(EmbeddingMismatchError);
    expect(index.documents).toHaveLength(0);
  });
});
