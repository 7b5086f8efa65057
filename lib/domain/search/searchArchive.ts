import { z } from 'zod';
import type { Embedder } from '../ports/Embedder.js';
import { SEARCH_DOCUMENT_KINDS, type SearchDocumentKind, type VectorIndex } from '../ports/VectorIndex.js';
import { InvalidSearchInputError } from './errors.js';
import { fuseRanks, keywordScores } from './hybridRank.js';
import { queryStemsOf, snippetFor } from './snippet.js';

export const MAX_SEARCH_LIMIT = 100;
export const MAX_QUERY_CHARS = 1_000;

export const SearchArchiveInputSchema = z.object({
  // Ids are used as given, never trimmed: " t1" must not quietly become tenant "t1".
  tenantId: z.string().min(1, 'tenantId must not be empty'),
  query: z.string().trim().min(1, 'query must not be empty').max(MAX_QUERY_CHARS, `query must be at most ${MAX_QUERY_CHARS} characters`),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  /** Only these kinds of documents; omit for all. */
  kinds: z.array(z.enum(SEARCH_DOCUMENT_KINDS)).min(1, 'kinds must list at least one kind, or be left out').optional(),
  /** Only this meeting; omit for the whole archive. */
  meetingId: z.string().min(1).optional(),
  /** Only these meetings (e.g. those recorded in a date range); an empty list finds nothing. */
  meetingIds: z.array(z.string().min(1)).optional(),
  /** Only passages of this speaker (case-insensitive name). */
  speaker: z.string().trim().min(1).max(200).optional(),
});
export type SearchArchiveInput = z.input<typeof SearchArchiveInputSchema>;

export interface ArchiveHit {
  meetingId: string;
  kind: SearchDocumentKind;
  startMs: number;
  endMs: number;
  speaker: string | null;
  /** About 200 characters around the best match; matched words are wrapped in «…» (see snippet.ts). */
  snippet: string;
  /** Higher is closer; comparable only within one search. */
  score: number;
  /** Where in the transcript the hit is grounded, for jumping to it. */
  utteranceIds: string[];
}

/** How many candidates the vector query returns per hit asked for: room for the filters and the keyword re-ranking. */
export const OVERFETCH = 4;

/**
 * Finds the passages of a tenant's meetings that best match a free-text query, best first.
 * Hybrid: the index's semantic candidates (over-fetched) are filtered here — adapter-agnostic —
 * then re-ranked by reciprocal rank fusion with a keyword (BM25) order, so a passage with the
 * exact words asked for beats one that is merely about the same thing. Passages the semantic
 * query does not return at all are not found by keywords alone.
 */
export async function searchArchive(deps: { embedder: Embedder; index: VectorIndex }, input: SearchArchiveInput): Promise<ArchiveHit[]> {
  const parsed = SearchArchiveInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidSearchInputError(`invalid search: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const { tenantId, query, limit, kinds, meetingId, meetingIds, speaker } = parsed.data;
  if (meetingIds?.length === 0) return [];

  const [vector] = await deps.embedder.embed([query]);
  // A query of only stopwords and fillers ("what was that?") has nothing to match on.
  if (!vector || vector.every((value) => value === 0)) return [];

  const candidates = await deps.index.query({
    tenantId,
    vector,
    limit: Math.min(limit * OVERFETCH, MAX_SEARCH_LIMIT * OVERFETCH),
    ...(kinds ? { kinds } : {}),
    ...(meetingId !== undefined ? { meetingId } : {}),
  });
  const allowed = meetingIds === undefined ? null : new Set(meetingIds);
  const wantedSpeaker = speaker?.toLowerCase();
  const filtered = candidates.filter(
    ({ document }) =>
      // Belt and braces: the index is tenant-scoped, and a foreign document must never reach a caller.
      document.tenantId === tenantId &&
      (allowed === null || allowed.has(document.meetingId)) &&
      (wantedSpeaker === undefined || document.speaker?.toLowerCase() === wantedSpeaker),
  );
  const queryStems = queryStemsOf(query);
  const fused = fuseRanks(keywordScores(filtered.map(({ document }) => document.text), queryStems));
  const ranked = filtered
    .map((hit, index) => ({ document: hit.document, score: fused[index] ?? 0 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return ranked.map(({ document, score }) => ({
    meetingId: document.meetingId,
    kind: document.kind,
    startMs: document.startMs,
    endMs: document.endMs,
    speaker: document.speaker,
    snippet: snippetFor(document.text, queryStems),
    score,
    utteranceIds: document.utteranceIds,
  }));
}
