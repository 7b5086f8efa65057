import { z } from 'zod';
import type { AftercallError } from '../errors.js';
import type { Answerer, DraftEvent } from '../ports/Answerer.js';
import { MAX_QUERY_CHARS } from '../search/searchArchive.js';
import { AI_LABEL_TEXT } from '../labels/generatedBy.js';
import { InvalidAskInputError } from './errors.js';
import { groundSentence } from './groundSentence.js';
import { NO_ANSWER_TEXT, type AnswerSentence, type AskAnswer, type Citation, type Passage } from './passages.js';
import { retrievePassages, type RetrievalDeps } from './retrievePassages.js';

export const DEFAULT_ASK_PASSAGES = 6;

export const AskInputSchema = z.object({
  // Used as given, never trimmed: " t1" must not quietly become tenant "t1".
  tenantId: z.string().min(1, 'tenantId must not be empty'),
  question: z.string().trim().min(1, 'question must not be empty').max(MAX_QUERY_CHARS, `question must be at most ${MAX_QUERY_CHARS} characters`),
  /** Only this meeting; omit for the whole archive. */
  meetingId: z.string().min(1).optional(),
  /** Only these meetings (those recorded in a date range); an empty list finds nothing. */
  meetingIds: z.array(z.string().min(1)).optional(),
  /** How many passages retrieval hands the answerer. */
  passages: z.number().int().min(1).max(20).default(DEFAULT_ASK_PASSAGES),
});
export type AskInput = z.input<typeof AskInputSchema>;

/** What an ask streams, in order: the passages found, then each sentence (its citations first, then its words), then the whole answer. */
export type AskEvent =
  | { type: 'passages'; passages: Passage[] }
  | { type: 'sentence'; index: number; citations: Citation[] }
  | { type: 'delta'; index: number; text: string }
  | { type: 'done'; answer: AskAnswer };

export interface AskDeps extends RetrievalDeps {
  answerer: Answerer;
  /** Answers instead when `answerer` fails before writing anything (the extractive answerer); null to fail. */
  fallback: Answerer | null;
  signal?: AbortSignal;
}

export const EXTRACTIVE_NOTICE = 'Extractive answer: sentences quoted from the passages found, the question’s words marked «…»; no model wrote it.';

/**
 * Answers a question from the tenant's archive: retrieves passages (archive search, the same
 * scope rules), hands them to the answerer, and passes on only sentences that cite a retrieved
 * passage. When nothing is retrieved, or the answerer finds no answer in what was, the answer
 * says so instead of guessing. A model that fails before its first sentence gives way to the
 * fallback, and the answer says that too.
 */
export async function* askArchive(deps: AskDeps, input: AskInput): AsyncGenerator<AskEvent, AskAnswer> {
  const parsed = AskInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidAskInputError(`invalid question: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const { tenantId, question, meetingId, meetingIds, passages: limit } = parsed.data;

  const passages = await retrievePassages(deps, { tenantId, question, limit, meetingId, meetingIds });
  yield { type: 'passages', passages };

  let answer = new AnswerBuilder(passages);
  let answeredBy = deps.answerer.kind;
  let generatedBy = deps.answerer.generatedBy;
  let notice: string | null = null;
  if (passages.length > 0) {
    try {
      for await (const draft of deps.answerer.answer(question, passages, deps.signal)) yield* answer.take(draft);
    } catch (error) {
      const reason = failureReason(error);
      if (answer.sentences.length > 0) notice = `The answer stopped early: ${reason}.`;
      else if (deps.fallback === null) throw error;
      else {
        answer = new AnswerBuilder(passages);
        answeredBy = deps.fallback.kind;
        generatedBy = deps.fallback.generatedBy;
        notice = `The model did not answer (${reason}); this answer is extractive instead.`;
        for await (const draft of deps.fallback.answer(question, passages, deps.signal)) yield* answer.take(draft);
      }
    }
  }
  const sentences = answer.sentences.map((sentence) => ({ ...sentence, text: sentence.text.trim() })).filter((sentence) => sentence.text.length > 0);
  const answered = sentences.length > 0;
  if (answered && answeredBy === 'extractive' && notice === null) notice = EXTRACTIVE_NOTICE;
  const result: AskAnswer = {
    question,
    answered,
    answeredBy,
    text: answered ? sentences.map((sentence) => sentence.text).join(' ') : NO_ANSWER_TEXT,
    sentences,
    passages,
    droppedSentences: answer.dropped,
    notice,
    generatedBy,
    label: AI_LABEL_TEXT,
  };
  yield { type: 'done', answer: result };
  return result;
}

/** Collects drafted sentences, grounding each as it opens; an ungrounded one and its words never leave. */
class AnswerBuilder {
  readonly sentences: AnswerSentence[] = [];
  dropped = 0;
  readonly #passages: ReadonlyMap<string, Passage>;
  /** The sentence words go to: an index into `sentences`, null while in a dropped one (or before the first). */
  #current: number | null = null;

  constructor(passages: readonly Passage[]) {
    this.#passages = new Map(passages.map((passage) => [passage.id, passage]));
  }

  *take(draft: DraftEvent): Generator<AskEvent> {
    if (draft.type === 'noAnswer') return;
    if (draft.type === 'sentence') {
      const citations = groundSentence(draft, this.#passages);
      if (citations.length === 0) {
        this.dropped += 1;
        this.#current = null;
        return;
      }
      this.#current = this.sentences.length;
      this.sentences.push({ text: '', citations });
      yield { type: 'sentence', index: this.#current, citations };
      return;
    }
    if (this.#current === null) return;
    const sentence = this.sentences[this.#current]!;
    const text = sentence.text === '' ? draft.text.trimStart() : draft.text;
    if (text === '') return;
    sentence.text += text;
    yield { type: 'delta', index: this.#current, text };
  }
}

/** A reason fit for the reader: what kind of failure, never the provider's own words. */
function failureReason(error: unknown): string {
  switch ((error as Partial<AftercallError> | null)?.name) {
    case 'ProviderUnavailableError':
      return 'the model was unavailable or too slow';
    case 'ProviderRejectedError':
      return 'the model declined to answer';
    case 'ProviderAuthError':
      return "the model provider refused aftercall's credentials";
    default:
      return 'the model failed';
  }
}
