import type { GeneratedBy } from '../../domain/labels/generatedBy.js';
import type OpenAI from 'openai';
import { CitedLines } from '../../domain/ask/citedLines.js';
import type { Passage } from '../../domain/ask/passages.js';
import { ProviderRejectedError, ProviderUnavailableError } from '../../domain/errors.js';
import type { Answerer, DraftEvent } from '../../domain/ports/Answerer.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { askMessages } from './askPrompt.js';
import { toDomainError } from './errors.js';

export interface OpenAiAnswererOptions {
  client: OpenAI;
  model: string;
  /**
   * The longest silence accepted from the model: before its first chunk, and between chunks.
   * A person is waiting, so this is short, and the extractive answer takes over when it passes.
   */
  stallTimeoutMs?: number;
}

const DEFAULT_STALL_TIMEOUT_MS = 15_000;

/**
 * A grounded answer by a chat model, streamed: the model writes one sentence a line, each
 * opening with the ids of the passages it rests on, and the lines are read as they arrive
 * (CitedLines). A refusal or a content filter is final (ProviderRejectedError); a stall, a
 * timeout or an unreachable provider is ProviderUnavailableError. The SDK retries a failed
 * request once before any chunk has arrived; a stream that breaks is not restarted (its
 * sentences may already be shown).
 */
export class OpenAiAnswerer implements Answerer {
  readonly kind = 'model' as const;
  readonly generatedBy: GeneratedBy;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #stallMs: number;

  constructor(options: OpenAiAnswererOptions) {
    this.#client = options.client;
    this.#model = options.model;
    this.generatedBy = { engine: 'openai', model: options.model, version: null, aiGenerated: true };
    this.#stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  }

  async *answer(question: string, passages: readonly Passage[], signal?: AbortSignal): AsyncIterable<DraftEvent> {
    const what = 'answering a question';
    const stalled = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stalled.abort(), this.#stallMs);
    };
    const abort = signal === undefined ? stalled.signal : AbortSignal.any([signal, stalled.signal]);
    const lines = new CitedLines();
    let refusal = '';
    watch();
    try {
      const stream = await this.#client.chat.completions.create(
        { model: this.#model, messages: askMessages(question, passages), stream: true, stream_options: { include_usage: true } },
        { signal: abort, maxRetries: 1, timeout: this.#stallMs },
      );
      for await (const chunk of stream) {
        watch();
        if (chunk.usage) {
          meterUsage({ provider: 'openai', model: this.#model, unit: 'input_tokens', quantity: chunk.usage.prompt_tokens });
          meterUsage({ provider: 'openai', model: this.#model, unit: 'output_tokens', quantity: chunk.usage.completion_tokens });
        }
        const choice = chunk.choices[0];
        if (choice === undefined) continue;
        if (typeof choice.delta.refusal === 'string') refusal += choice.delta.refusal;
        if (typeof choice.delta.content === 'string' && choice.delta.content.length > 0) yield* lines.push(choice.delta.content).map(toDraft);
        if (choice.finish_reason === 'content_filter') throw new ProviderRejectedError(`${what}: the provider's content filter stopped the answer`);
      }
      // The SDK ends a stream quietly when it is aborted: a stall must not pass for a short answer.
      if (stalled.signal.aborted) throw stalled.signal.reason;
      if (refusal.length > 0) throw new ProviderRejectedError(`${what}: the model refused: ${refusal.slice(0, 200)}`);
      yield* lines.end().map(toDraft);
    } catch (error) {
      if (stalled.signal.aborted && !(signal?.aborted ?? false)) throw new ProviderUnavailableError(`${what}: OpenAI sent nothing for ${this.#stallMs} ms`);
      throw toDomainError(error, { what, apiKey: this.#client.apiKey });
    } finally {
      clearTimeout(timer);
    }
  }
}

const toDraft = (event: ReturnType<CitedLines['push']>[number]): DraftEvent =>
  event.type === 'sentence' ? { type: 'sentence', passageIds: event.ids } : event;
