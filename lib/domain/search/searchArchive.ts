import { z } from 'zod';
import type { Embedder } from '../ports/Embedder.js';
import { SEARCH_DOCUMENT_KINDS, type SearchDocumentKind, type VectorHit, type VectorIndex } from '../ports/VectorIndex.js';
import { contentTerms } from './analyzeText.js';
import { InvalidSearchInputError } from './errors.js';
import { fuseRankings, keywordRanking } from './hybridRank.js';
import { queryStemsOf } from './snippet.js';
import { isRelevantCandidate, relevanceRuleFor, supportsAnswer, termShare, type RelevanceRule } from './relevance.js';
import { isSpokenBy, speakerExcerpt, speakerFilter } from './speakerExcerpt.js';
import { speakerStems, topicStems } from './topicStems.js';

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
  /** Only passages in which this speaker speaks: any part of a name or label, case-insensitive ("industrial" is "Industrial Designer"). */
  speaker: z.string().trim().min(1).max(200).optional(),
});
export type SearchArchiveInput = z.input<typeof SearchArchiveInputSchema>;

export interface ArchiveHit {
  meetingId: string;
  kind: SearchDocumentKind;
  startMs: number;
  endMs: number;
  /** Who says the text the snippet shows, comma-separated (see `speakers`); null when nobody does (a summary). */
  speaker: string | null;
  /** The speakers of the text the snippet shows, in order; with a speaker filter, the one it names. */
  speakers: string[];
  /** About 200 characters around the best match; matched words are wrapped in «…» (see snippet.ts). */
  snippet: string;
  /** Higher is closer; comparable only within one search. */
  score: number;
  /** Where in the transcript the hit is grounded, for jumping to it. */
  utteranceIds: string[];
}

/**
 * How many candidates each ranking (semantic, keyword) returns per hit asked for: room for the
 * filters and the fusion. 3 rather than 4: the same quality in `npm run eval` (report part R@10
 * .470 vs .463, false hits unchanged) for a quarter fewer rows read per list, which is most of a
 * list's cost on a large archive (docs/benchmarks.md).
 */
export const OVERFETCH = 3;

/** A search, validated: what `findCandidates` fetches and `rankCandidates` ranks. */
export type SearchRequest = z.output<typeof SearchArchiveInputSchema>;

/** The two candidate lists of a search, already scoped to the tenant, meetings and speaker asked for. */
export interface SearchCandidates {
  /** Nearest neighbours of the query's vector, nearest first; score = cosine similarity. */
  semantic: VectorHit[];
  /** Passages holding the query's words, best BM25 first; null when the index has no keyword search. */
  keyword: VectorHit[] | null;
}

/**
 * Finds the passages of a tenant's meetings that answer a free-text query, best first; none when
 * nothing does. Hybrid, with two candidate sources: the index's semantic neighbours of the query
 * and, where the index has full-text search, the passages containing the query's words — so a
 * passage that names a rare product code or surname is found even when its vector is nowhere
 * near the query's. A candidate is kept only with evidence of its own (see relevance.ts: a
 * similarity at or above the embedder's floor, or most of the query's words), then the kept
 * candidates of both lists are fused by reciprocal rank. An index without keyword search gets
 * its semantic candidates re-ranked by a BM25 order over themselves.
 */
export async function searchArchive(deps: { embedder: Embedder; index: VectorIndex }, input: SearchArchiveInput): Promise<ArchiveHit[]> {
  const request = parseSearch(input);
  const candidates = await findCandidates(deps, request);
  return rankCandidates(request, candidates, relevanceRuleFor(deps.embedder));
}

export function parseSearch(input: SearchArchiveInput): SearchRequest {
  const parsed = SearchArchiveInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidSearchInputError(`invalid search: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

/** Both candidate lists of a search, over-fetched, filtered here whatever the index could filter itself. */
export async function findCandidates(deps: { embedder: Embedder; index: VectorIndex }, request: SearchRequest): Promise<SearchCandidates> {
  const { tenantId, query, limit, kinds, meetingId, meetingIds, speaker } = request;
  const none = { semantic: [], keyword: null };
  if (meetingIds?.length === 0 || (meetingId !== undefined && meetingIds !== undefined && !meetingIds.includes(meetingId))) return none;

  const words = keywordsOf(query);
  const [vector] = await deps.embedder.embed([query]);
  // A zero vector has no direction, so it ranks nothing; the words may still match.
  const semanticVector = vector?.some((value) => value !== 0) ? vector : null;
  const keywordSearch = deps.index.keywordQuery !== undefined && words !== '' ? deps.index.keywordQuery.bind(deps.index) : null;
  // A query of only stopwords and fillers ("what was that?") has nothing to match on.
  if (semanticVector === null && keywordSearch === null) return none;

  // The filters the index can apply go with the query, so its candidates are all in scope; the
  // rest (speaker, a meeting list the index did not take) are applied to the candidates below.
  // A speaker filter throws away most candidates, so it fetches more of them.
  const overfetch = speaker === undefined ? OVERFETCH : OVERFETCH * 2;
  const scope = {
    tenantId,
    limit: Math.min(limit * overfetch, MAX_SEARCH_LIMIT * overfetch),
    ...(kinds ? { kinds } : {}),
    ...(meetingId !== undefined ? { meetingId } : {}),
    ...(meetingIds !== undefined && meetingId === undefined ? { meetingIds } : {}),
  };
  const [semantic, keyword] = await Promise.all([
    semanticVector === null ? [] : deps.index.query({ ...scope, vector: semanticVector }),
    keywordSearch === null ? null : keywordSearch({ ...scope, text: words }),
  ]);

  const allowed = meetingIds === undefined ? null : new Set(meetingIds);
  const bySpeaker = speaker === undefined ? undefined : speakerFilter(speaker);
  const wanted = ({ document }: VectorHit): boolean =>
    // Belt and braces: the index is tenant-scoped, and a foreign document must never reach a caller.
    document.tenantId === tenantId && (allowed === null || allowed.has(document.meetingId)) && (bySpeaker === undefined || isSpokenBy(document, bySpeaker));
  return { semantic: semantic.filter(wanted), keyword: keyword === null ? null : keyword.filter(wanted) };
}

/**
 * The hits of a search from its candidates, best first. With a rule, a search none of whose
 * candidates is evidence of its own gets no hits; one that has evidence returns its evidence
 * (fused), then the keyword candidates within the rule's margin of the best keyword score, so
 * being near the top of one weak list never makes a hit nor outranks one. `null` fuses everything
 * (the behaviour before the rule, kept for the evaluation).
 */
export function rankCandidates(request: SearchRequest, candidates: SearchCandidates, rule: RelevanceRule | null): ArchiveHit[] {
  const queryStems = queryStemsOf(request.query);
  // Evidence is judged on what the query asks about: not on the names of the people speaking nor on words every meeting question uses.
  const askedStems = rule?.topicWordsOnly === true ? topicStems(queryStems, speakerStems([...candidates.semantic, ...(candidates.keyword ?? [])].map((hit) => hit.document))) : queryStems;
  if (rule?.topicWordsOnly === true && askedStems.size === 0) return [];
  const similarity = new Map(candidates.semantic.map((hit) => [hit.document.id, hit.score]));
  const shares = new Map<string, number>();
  const shareOf = (hit: VectorHit): number => {
    let share = shares.get(hit.document.id);
    if (share === undefined) shares.set(hit.document.id, (share = termShare(hit.document.text, askedStems)));
    return share;
  };
  // The index's own BM25 ranking, or (no keyword search, e.g. Pinecone) BM25 over the vector candidates.
  const keyword = candidates.keyword?.map((hit) => ({ candidate: hit, score: hit.score })) ?? keywordRanking(candidates.semantic, (hit) => hit.document.text, queryStems);
  const weights = [rule?.semanticWeight ?? 1, 1];
  const idOf = (hit: VectorHit) => hit.document.id;
  let ranked: { item: VectorHit; score: number }[];
  if (rule === null) {
    ranked = fuseRankings([candidates.semantic, keyword.map(({ candidate }) => candidate)], idOf, weights);
  } else {
    const evidence = (hit: VectorHit): boolean => isRelevantCandidate(rule, { similarity: similarity.get(hit.document.id), termShare: shareOf(hit) });
    const found = fuseRankings([candidates.semantic.filter(evidence), keyword.map(({ candidate }) => candidate).filter(evidence)], idOf, weights);
    if (found.length === 0) return [];
    // Support comes after evidence, however well BM25 scores it: common words in a long passage score high.
    const best = Math.max(0, ...keyword.map(({ score }) => score));
    // Scored below every evidence hit, in keyword order.
    const floor = found.at(-1)!.score / 2;
    const support = keyword.filter(({ candidate, score }) => !evidence(candidate) && supportsAnswer(rule, score, best)).map(({ candidate, score }) => ({ item: candidate, score: (floor * score) / best }));
    ranked = [...found, ...support];
  }
  ranked = ranked.slice(0, request.limit);
  const bySpeaker = request.speaker === undefined ? undefined : speakerFilter(request.speaker);
  return ranked.map(({ item: { document }, score }) => {
    const { snippet, speakers } = speakerExcerpt(document, queryStems, bySpeaker);
    return {
      meetingId: document.meetingId,
      kind: document.kind,
      startMs: document.startMs,
      endMs: document.endMs,
      speaker: speakers.length === 0 ? null : speakers.join(', '),
      speakers,
      snippet,
      score,
      utteranceIds: document.utteranceIds,
    };
  });
}

/** The query's content words as written, once each: what full-text search looks for (fillers and stopwords left out). */
export function keywordsOf(query: string): string {
  return [...new Set(contentTerms(query).map((term) => query.slice(term.start, term.end)))].join(' ');
}
