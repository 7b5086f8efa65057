import { contentTerms } from './analyzeText.js';

/**
 * When a candidate passage counts as an answer to a query at all, before any ranking: either its
 * vector is near enough (semantic evidence) or its text holds most of the query's words (lexical
 * evidence). Nearest neighbours always exist, however far, and a keyword index matches any one
 * word, so neither list's mere presence is evidence; a query that matches nothing gets no hits.
 * Measured on QMSum (see docs/search.md).
 */
export interface RelevanceRule {
  /** Cosine similarity at or above which a vector candidate stands on its own: the embedder's `similarityFloor`. */
  similarityFloor: number;
  /**
   * A candidate whose text holds MORE than this share of the query's distinct content words
   * stands on its own: one word of one ("budget"), two of two or of three, three of four or five.
   */
  minTermShare: number;
}

/** More than half of the query's content words: "xylophone quantum" is not answered by a passage about quantum physics alone. */
export const DEFAULT_MIN_TERM_SHARE = 0.5;

export const relevanceRuleFor = (embedder: { similarityFloor: number }): RelevanceRule => ({
  similarityFloor: embedder.similarityFloor,
  minTermShare: DEFAULT_MIN_TERM_SHARE,
});

/** Share of the query's distinct content stems that occur in the text, 0 when the query has none. */
export function termShare(text: string, queryStems: ReadonlySet<string>): number {
  if (queryStems.size === 0) return 0;
  const found = new Set<string>();
  for (const term of contentTerms(text)) if (queryStems.has(term.stem)) found.add(term.stem);
  return found.size / queryStems.size;
}

/** Whether a candidate is evidence of an answer; `similarity` is absent when only the keyword list holds it. */
export function isRelevantCandidate(rule: RelevanceRule, candidate: { similarity: number | undefined; termShare: number }): boolean {
  return (candidate.similarity !== undefined && candidate.similarity >= rule.similarityFloor) || candidate.termShare > rule.minTermShare;
}
