import OpenAI from 'openai';
import { z } from 'zod';
import { instrumentedFetch } from './instrumentedFetch.js';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

const OpenAiClientOptionsSchema = z
  .object({
    apiKey: z.string().min(1, 'an API key is required (OPENAI_API_KEY)'),
    /** Any OpenAI-compatible server, e.g. vLLM or Ollama: `http://host:8000/v1`. */
    baseURL: z.url().optional(),
    maxRetryAfterSeconds: z.number().positive().optional(),
  })
  .strict();
export type OpenAiClientOptions = z.input<typeof OpenAiClientOptionsSchema>;

/**
 * One client for every OpenAI adapter. Retries and timeouts are set per request by each adapter
 * (each knows who else retries its work), so the client's own defaults are "no retry".
 * The base URL is always passed explicitly: the SDK would otherwise read OPENAI_BASE_URL itself.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  const parsed = OpenAiClientOptionsSchema.safeParse(options);
  if (!parsed.success) throw new RangeError(`invalid OpenAI client options: ${z.prettifyError(parsed.error)}`);
  const { apiKey, baseURL, maxRetryAfterSeconds } = parsed.data;
  return new OpenAI({
    apiKey,
    baseURL: baseURL ?? DEFAULT_OPENAI_BASE_URL,
    maxRetries: 0,
    fetch: instrumentedFetch({ maxRetryAfterSeconds: maxRetryAfterSeconds ?? 30 }),
  });
}
