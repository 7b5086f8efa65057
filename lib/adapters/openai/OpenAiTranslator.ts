import type OpenAI from 'openai';
import { ProviderUnavailableError } from '../../domain/errors.js';
import type { Translator } from '../../domain/ports/Translator.js';
import { batchByBudget } from './batchByBudget.js';
import { structuredCompletion } from './structuredCompletion.js';
import { estimateTokens } from './tokenEstimate.js';
import { idProblems, TRANSLATION_SCHEMA_NAME, TranslationAnswerSchema } from './translationAnswer.js';
import { translationMessages } from './translationPrompts.js';

export interface OpenAiTranslatorOptions {
  client: OpenAI;
  model: string;
  /**
   * SDK retries per call. Default 0: the workflow's translation Map already retries each
   * language on ProviderUnavailableError; retries here too would multiply (3 × 3 attempts) and
   * could outlast the step's timeout. Retry in one place.
   */
  maxRetries?: number;
  /** Per attempt. Default 60 s. */
  timeoutMs?: number;
  /** Segments per call. Default 40, the translate step's own batch. */
  maxSegments?: number;
  /** Estimated tokens of source text per call; the answer is about as long again. Default 4,000. */
  maxTokens?: number;
}

/** Translation with structured outputs: ids in, the same ids out, each exactly once (checked, repaired once, else an error). */
export class OpenAiTranslator implements Translator {
  readonly name: string;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #requestOptions: { maxRetries: number; timeout: number };
  readonly #limits: { maxItems: number; maxTokens: number };

  constructor(options: OpenAiTranslatorOptions) {
    this.#client = options.client;
    this.#model = options.model;
    this.name = `openai:${options.model}`;
    this.#requestOptions = { maxRetries: options.maxRetries ?? 0, timeout: options.timeoutMs ?? 60_000 };
    this.#limits = { maxItems: options.maxSegments ?? 40, maxTokens: options.maxTokens ?? 4_000 };
  }

  async translate(request: { language: string; segments: readonly { id: string; text: string }[] }): Promise<{ id: string; text: string }[]> {
    const batches = batchByBudget(request.segments, this.#limits, (segment) => estimateTokens(segment.text) + 4);
    const translated: { id: string; text: string }[] = [];
    // One after another: a failed batch fails the language, and the calls after it are not paid for.
    for (const batch of batches) translated.push(...(await this.#translateBatch(request.language, batch)));
    return translated;
  }

  async #translateBatch(language: string, segments: readonly { id: string; text: string }[]): Promise<{ id: string; text: string }[]> {
    const ids = segments.map((segment) => segment.id);
    const what = `translation into ${language} (${ids[0]}…${ids[ids.length - 1]})`;
    const { value, problems } = await structuredCompletion({
      client: this.#client,
      model: this.#model,
      schema: TranslationAnswerSchema,
      schemaName: TRANSLATION_SCHEMA_NAME,
      messages: translationMessages(language, segments),
      check: (answer) => idProblems(ids, answer),
      what,
      requestOptions: this.#requestOptions,
    });
    if (problems.length > 0) throw new ProviderUnavailableError(`${what}: ids did not come back one for one after a repair: ${problems.join('; ')}`);
    const textById = new Map(value.segments.map((segment) => [segment.id, segment.text]));
    return segments.map((segment) => ({ id: segment.id, text: textById.get(segment.id) ?? segment.text }));
  }
}
