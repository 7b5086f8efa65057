import { contentTerms } from './analyzeText.js';

/**
 * When a search has an answer at all, and which candidates belong in it. A candidate is evidence
 * of an answer when its vector is near enough (semantic evidence) or its text holds most of the
 * query's words (lexical evidence); a search with no such candidate gets no hits. Nearest
 * neighbours always exist, however far, and a keyword index matches any one word, so neither
 * list's mere presence is evidence. Once a search has evidence, a keyword candidate that scores
 * nearly as well as the best one supports the answer too (it holds the query's rarer words, even
 * if not most of them). Measured on QMSum (see docs/search.md).
 */
export interface RelevanceRule {
  /** Cosine similarity at or above which a vector candidate stands on its own: the embedder's `similarityFloor`. */
  similarityFloor: number;
  /**
   * A candidate whose text holds MORE than this share of the query's distinct content words
   * stands on its own: one word of one ("budget"), two of two or of three, three of four or five.
   */
  minTermShare: number;
  /**
   * In a search that has evidence, a keyword candidate whose keyword (BM25) score is at least
   * this share of the best keyword score is kept as well; above 1, none is.
   */
  supportMargin: number;
  /**
   * Whether the term share counts only the words the query asks about (topicStems.ts: not the
   * speakers' names nor general meeting-question words), and a query with none has no answer.
   */
  topicWordsOnly: boolean;
  /** The weight of the vector ranking in the fusion, the keyword ranking's being 1: the embedder's `semanticWeight`. */
  semanticWeight: number;
}

/** More than half of the query's content words: "xylophone quantum" is not answered by a passage about quantum physics alone. */
export const DEFAULT_MIN_TERM_SHARE = 0.5;

/** Half the best keyword score: chosen on the calibration third of QMSum (recall at 10 levels off below it; docs/search.md). */
export const DEFAULT_SUPPORT_MARGIN = 0.5;

export const relevanceRuleFor = (embedder: { similarityFloor: number; semanticWeight?: number }): RelevanceRule => ({
  similarityFloor: embedder.similarityFloor,
  minTermShare: DEFAULT_MIN_TERM_SHARE,
  supportMargin: DEFAULT_SUPPORT_MARGIN,
  topicWordsOnly: true,
  semanticWeight: embedder.semanticWeight ?? 1,
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

/** Whether a keyword candidate supports an answer the search already has evidence for: it scores within the margin of the best. */
export function supportsAnswer(rule: RelevanceRule, keywordScore: number, bestKeywordScore: number): boolean {
  return bestKeywordScore > 0 && keywordScore >= rule.supportMargin * bestKeywordScore;
}
