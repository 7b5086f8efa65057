import { z } from 'zod';
import type { Embedder } from '../ports/Embedder.js';
import { SEARCH_DOCUMENT_KINDS, type SearchDocumentKind, type VectorHit, type VectorIndex } from '../ports/VectorIndex.js';
import { contentTerms } from './analyzeText.js';
import { InvalidSearchInputError } from './errors.js';
import { fuseRankings, keywordOrder } from './hybridRank.js';
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

/** How many candidates each ranking (semantic, keyword) returns per hit asked for: room for the filters and the fusion. */
export const OVERFETCH = 4;

/**
 * Finds the passages of a tenant's meetings that best match a free-text query, best first.
 * Hybrid, with two candidate sources: the index's semantic neighbours of the query and, where
 * the index has full-text search, the passages containing the query's words — so a passage that
 * names a rare product code or surname is found even when its vector is nowhere near the
 * query's. Both lists (over-fetched) are filtered here, adapter-agnostic, then fused by
 * reciprocal rank. An index without keyword search gets the old behaviour: its semantic
 * candidates re-ranked by a BM25 order over themselves.
 */
export async function searchArchive(deps: { embedder: Embedder; index: VectorIndex }, input: SearchArchiveInput): Promise<ArchiveHit[]> {
  const parsed = SearchArchiveInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidSearchInputError(`invalid search: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const { tenantId, query, limit, kinds, meetingId, meetingIds, speaker } = parsed.data;
  if (meetingIds?.length === 0 || (meetingId !== undefined && meetingIds !== undefined && !meetingIds.includes(meetingId))) return [];

  const words = keywordsOf(query);
  const [vector] = await deps.embedder.embed([query]);
  // A zero vector has no direction, so it ranks nothing; the words may still match.
  const semanticVector = vector?.some((value) => value !== 0) ? vector : null;
  const keywordSearch = deps.index.keywordQuery !== undefined && words !== '' ? deps.index.keywordQuery.bind(deps.index) : null;
  // A query of only stopwords and fillers ("what was that?") has nothing to match on.
  if (semanticVector === null && keywordSearch === null) return [];

  // The filters the index can apply go with the query, so its candidates are all in scope; the
  // rest (speaker, a meeting list the index did not take) are applied to the candidates below.
  const scope = {
    tenantId,
    limit: Math.min(limit * OVERFETCH, MAX_SEARCH_LIMIT * OVERFETCH),
    ...(kinds ? { kinds } : {}),
    ...(meetingId !== undefined ? { meetingId } : {}),
    ...(meetingIds !== undefined && meetingId === undefined ? { meetingIds } : {}),
  };
  const [semantic, keyword] = await Promise.all([
    semanticVector === null ? [] : deps.index.query({ ...scope, vector: semanticVector }),
    keywordSearch === null ? null : keywordSearch({ ...scope, text: words }),
  ]);

  const allowed = meetingIds === undefined ? null : new Set(meetingIds);
  const wantedSpeaker = speaker?.toLowerCase();
  const wanted = ({ document }: VectorHit): boolean =>
    // Belt and braces: the index is tenant-scoped, and a foreign document must never reach a caller.
    document.tenantId === tenantId &&
    (allowed === null || allowed.has(document.meetingId)) &&
    (wantedSpeaker === undefined || document.speaker?.toLowerCase() === wantedSpeaker);
  const semanticHits = semantic.filter(wanted);
  const queryStems = queryStemsOf(query);
  const keywordHits = keyword === null ? keywordOrder(semanticHits, (hit) => hit.document.text, queryStems) : keyword.filter(wanted);

  const ranked = fuseRankings([semanticHits, keywordHits], (hit) => hit.document.id).slice(0, limit);
  return ranked.map(({ item: { document }, score }) => ({
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

/** The query's content words as written, once each: what full-text search looks for (fillers and stopwords left out). */
function keywordsOf(query: string): string {
  return [...new Set(contentTerms(query).map((term) => query.slice(term.start, term.end)))].join(' ');
}
