import type { Embedder } from '../../../lib/domain/ports/Embedder.js';
import type { IndexedDocument, KeywordQuery, SearchScope, VectorHit, VectorIndex, VectorQuery } from '../../../lib/domain/ports/VectorIndex.js';
import { keywordScores } from '../../../lib/domain/search/hybridRank.js';
import { queryStemsOf } from '../../../lib/domain/search/snippet.js';
import { stableHash32 } from '../../../lib/domain/search/stableHash.js';
import { TRANSCRIPT_SCHEMA_VERSION, type Transcript } from '../../../lib/domain/transcript/schema.js';

/** A transcript from [speaker name, text] turns, 10 s each. */
export function transcriptOf(meetingId: string, turns: readonly (readonly [string, string])[]): Transcript {
  const names = [...new Set(turns.map(([name]) => name))];
  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    meetingId,
    language: 'en',
    durationMs: turns.length * 10_000,
    speakers: names.map((name, index) => ({ id: `spk_${index}`, name })),
    utterances: turns.map(([name, text], index) => ({
      id: `u${index}`,
      speakerId: `spk_${names.indexOf(name)}`,
      startMs: index * 10_000,
      endMs: index * 10_000 + 9_000,
      text,
      confidence: null,
      words: [],
    })),
    source: { kind: 'import', detail: 'vtt', key: `${meetingId}.vtt` },
  };
}

/** Brute-force cosine search in memory: the port's contract without a database. */
export class InMemoryVectorIndex implements VectorIndex {
  readonly documents: IndexedDocument[] = [];
  readonly queries: VectorQuery[] = [];

  async replaceMeeting(tenantId: string, meetingId: string, documents: readonly IndexedDocument[]): Promise<void> {
    await this.deleteMeeting(tenantId, meetingId);
    this.documents.push(...documents);
  }

  async deleteMeeting(tenantId: string, meetingId: string): Promise<void> {
    const kept = this.documents.filter((document) => document.tenantId !== tenantId || document.meetingId !== meetingId);
    this.documents.splice(0, this.documents.length, ...kept);
  }

  async query(query: VectorQuery): Promise<VectorHit[]> {
    this.queries.push(query);
    return this.inScope(query)
      .map(({ vector, ...document }) => ({ document, score: dot(vector, query.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }

  protected inScope(scope: SearchScope): IndexedDocument[] {
    return this.documents.filter(
      (document) =>
        document.tenantId === scope.tenantId &&
        (scope.meetingId === undefined || document.meetingId === scope.meetingId) &&
        (scope.meetingIds === undefined || scope.meetingIds.includes(document.meetingId)) &&
        (scope.kinds === undefined || scope.kinds.includes(document.kind)),
    );
  }
}

export const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

/** The same, with full-text search: BM25 over all of the tenant's documents in scope, as an index with an FTS index answers. */
export class InMemoryHybridIndex extends InMemoryVectorIndex {
  readonly keywordQueries: KeywordQuery[] = [];

  async keywordQuery(query: KeywordQuery): Promise<VectorHit[]> {
    this.keywordQueries.push(query);
    const inScope = this.inScope(query);
    const scores = keywordScores(inScope.map((document) => document.text), queryStemsOf(query.text));
    return inScope
      .map(({ vector: _vector, ...document }, index) => ({ document, score: scores[index] ?? 0 }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }
}

/**
 * An embedding model with its own idea of similarity, unrelated to the words: a pseudo-random
 * unit-free vector per text. Stands in for a semantic model that has never seen a product code
 * or a surname, so only keyword search can find a passage by one.
 */
export function unrelatedEmbedder(dimensions = 16): Embedder {
  const vectorOf = (text: string) => Float32Array.from({ length: dimensions }, (_, i) => (stableHash32(`${i}:${text}`) / 2 ** 32) * 2 - 1);
  return { model: `unrelated-${dimensions}`, dimensions, similarityFloor: 0.5, embed: async (texts) => texts.map(vectorOf) };
}
