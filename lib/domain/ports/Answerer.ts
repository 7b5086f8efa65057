import type { AnsweredBy, Passage } from '../ask/passages.js';
import type { GeneratedBy } from '../labels/generatedBy.js';

/**
 * What an answerer writes, as it writes it: a sentence opens with the passages it cites (and,
 * when the answerer knows them, the very turns), then its text arrives in pieces. Citations come
 * first so that an ungrounded sentence can be dropped before any of its words reach a reader.
 */
export type DraftEvent =
  | { type: 'sentence'; passageIds: string[]; utteranceIds?: string[] }
  | { type: 'text'; text: string }
  /** The answerer found nothing in the passages that answers the question. */
  | { type: 'noAnswer' };

/** Answers a question from retrieved passages only. */
export interface Answerer {
  readonly kind: AnsweredBy;
  /** Who writes the answers, for the AI label every answer carries. */
  readonly generatedBy: GeneratedBy;
  answer(question: string, passages: readonly Passage[], signal?: AbortSignal): AsyncIterable<DraftEvent>;
}
