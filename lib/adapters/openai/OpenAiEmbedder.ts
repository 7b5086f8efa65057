import type OpenAI from 'openai';
import { ProviderUnavailableError } from '../../domain/errors.js';
import type { Embedder } from '../../domain/ports/Embedder.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { batchByBudget } from './batchByBudget.js';
import { decodeEmbedding } from './decodeEmbedding.js';
import { ProviderRejectedError } from '../../domain/errors.js';
import { toDomainError } from './errors.js';
import { estimateTokens } from './tokenEstimate.js';

// The API's limits: 2,048 inputs a request, 8,192 tokens an input, 300,000 tokens a request.
const MAX_INPUTS = 2048;
const MAX_REQUEST_TOKENS = 300_000;
// Our token count is an estimate (4 chars a token); cut with a margin for text that tokenizes denser.
const MAX_INPUT_CHARS = 8192 * 3;

const NATIVE_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/**
 * Cosine similarity below which a model's nearest neighbours are not matches (see Embedder).
 * Not measured here (it needs the API): taken from published query-to-passage similarities —
 * text-embedding-3 models give unrelated text about 0.1–0.2 and a relevant question 0.4 or more;
 * ada-002 squeezes everything into 0.7–1. Measure your own with `npm run eval -- --calibrate-search`
 * (docs/search.md) and set OPENAI_EMBEDDING_SIMILARITY_FLOOR.
 */
const SIMILARITY_FLOORS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 0.3,
  'text-embedding-3-large': 0.3,
  'text-embedding-ada-002': 0.8,
};

export interface OpenAiEmbedderOptions {
  client: OpenAI;
  /** Default `text-embedding-3-small`. */
  model?: string;
  /**
   * Sent as `dimensions` when set (text-embedding-3 models shorten their vectors). Unset, the
   * model's native size is expected; required for a model we do not know.
   */
  dimensions?: number;
  /** Overrides the model's known floor; required for a model not in the table above. */
  similarityFloor?: number;
  /** SDK retries per call. Default 0: the workflow retries the Index step; search asks again itself. */
  maxRetries?: number;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Estimated tokens a request. Default 100,000: a third of the API's cap, as the estimate may be low. */
  maxRequestTokens?: number;
  maxInputs?: number;
}

/**
 * OpenAI embeddings (or any OpenAI-compatible server's). Vectors are asked for as base64 and
 * decoded here: the SDK decodes base64 itself only when no format is named, and then turns
 * a server's plain float array into an empty vector without a word. Naming the format and
 * decoding both shapes means a vector is either right or an error.
 */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly similarityFloor: number;
  readonly #client: OpenAI;
  readonly #apiModel: string;
  readonly #requestDimensions: number | undefined;
  readonly #requestOptions: { maxRetries: number; timeout: number };
  readonly #limits: { maxItems: number; maxTokens: number };

  constructor(options: OpenAiEmbedderOptions) {
    this.#client = options.client;
    this.#apiModel = options.model ?? 'text-embedding-3-small';
    const dimensions = options.dimensions ?? NATIVE_DIMENSIONS[this.#apiModel];
    if (dimensions === undefined || !Number.isInteger(dimensions) || dimensions < 1) {
      throw new RangeError(`set the embedding dimensions for model ${this.#apiModel} (OPENAI_EMBEDDING_DIMENSIONS): its vector size is not known here`);
    }
    this.dimensions = dimensions;
    const similarityFloor = options.similarityFloor ?? SIMILARITY_FLOORS[this.#apiModel];
    if (similarityFloor === undefined || !(similarityFloor >= -1 && similarityFloor <= 1)) {
      throw new RangeError(`set the search similarity floor for model ${this.#apiModel} (OPENAI_EMBEDDING_SIMILARITY_FLOOR, a cosine between -1 and 1): see docs/search.md`);
    }
    this.similarityFloor = similarityFloor;
    this.#requestDimensions = options.dimensions;
    // The vector size is part of the name: an index of 512-d vectors is never mixed with 1536-d ones.
    this.model = `${this.#apiModel}@${dimensions}`;
    this.#requestOptions = { maxRetries: options.maxRetries ?? 0, timeout: options.timeoutMs ?? 30_000 };
    this.#limits = {
      maxItems: Math.min(options.maxInputs ?? MAX_INPUTS, MAX_INPUTS),
      maxTokens: Math.min(options.maxRequestTokens ?? 100_000, MAX_REQUEST_TOKENS),
    };
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    // The API rejects an empty string (and with it the whole batch); a lone space embeds as "nothing".
    const inputs = texts.map((text) => (text.length === 0 ? ' ' : text.slice(0, MAX_INPUT_CHARS)));
    const vectors: Float32Array[] = [];
    for (const batch of batchByBudget(inputs, this.#limits, estimateTokens)) vectors.push(...(await this.#embedBatch(batch)));
    return vectors;
  }

  async #embedBatch(inputs: string[]): Promise<Float32Array[]> {
    const what = `embedding ${inputs.length} texts with ${this.#apiModel}`;
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await this.#client.embeddings.create(
        {
          model: this.#apiModel,
          input: inputs,
          encoding_format: 'base64',
          ...(this.#requestDimensions === undefined ? {} : { dimensions: this.#requestDimensions }),
        },
        this.#requestOptions,
      );
    } catch (error) {
      throw toDomainError(error, { what, apiKey: this.#client.apiKey });
    }
    if (response.usage) meterUsage({ provider: 'openai', model: this.#apiModel, unit: 'embedding_tokens', quantity: response.usage.prompt_tokens });

    const vectors = new Array<Float32Array | undefined>(inputs.length);
    for (const item of response.data ?? []) {
      if (!Number.isInteger(item.index) || item.index < 0 || item.index >= inputs.length || vectors[item.index] !== undefined) {
        throw new ProviderUnavailableError(`${what}: the answer has an unexpected or repeated index ${item.index}`);
      }
      const vector = decodeEmbedding(item.embedding);
      if (vector === null) throw new ProviderUnavailableError(`${what}: vector ${item.index} is not a list of finite numbers`);
      // A wrong size is configuration, not bad luck: asking again gives the same size.
      if (vector.length !== this.dimensions) {
        throw new ProviderRejectedError(`${what}: got ${vector.length}-dimension vectors, expected ${this.dimensions}: set OPENAI_EMBEDDING_DIMENSIONS to match the model`);
      }
      vectors[item.index] = vector;
    }
    const missing = vectors.findIndex((vector) => vector === undefined);
    if (missing !== -1) throw new ProviderUnavailableError(`${what}: the answer has no vector for input ${missing}`);
    return vectors as Float32Array[];
  }
}
