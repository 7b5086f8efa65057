import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { ProviderUnavailableError } from '../../domain/errors.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { ProviderRejectedError } from '../../domain/errors.js';
import { toDomainError } from './errors.js';
import { repairPrompt } from './repairPrompt.js';

export interface StructuredRequest<T> {
  client: OpenAI;
  model: string;
  schema: z.ZodType<T>;
  schemaName: string;
  messages: ChatCompletionMessageParam[];
  /** Problems worth one repair round (ungrounded citations, lost ids); empty when the answer can be used as is. */
  check: (value: T) => string[];
  /** Names the call in error messages, e.g. "understanding part 2 of 5". */
  what: string;
  requestOptions: { maxRetries: number; timeout: number };
}

export interface StructuredResult<T> {
  value: T;
  /** What `check` still finds after the one repair; the caller decides whether to drop or to fail. */
  problems: string[];
}

type Reading<T> = { ok: true; value: T; content: string } | { ok: false; problems: string[]; content: string };

/**
 * One chat completion with a strict JSON schema, validated with zod, and at most one repair:
 * an answer that is malformed, cut off or fails `check` is sent back with what is wrong.
 * A refusal or a content filter is final. Transport retries are the SDK's (per request options).
 */
export async function structuredCompletion<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
  const responseFormat = zodResponseFormat(request.schema, request.schemaName);
  let messages = request.messages;
  for (let attempt = 1; ; attempt += 1) {
    const completion = await create(request, messages, responseFormat);
    const reading = readAnswer(completion, request.schema, request.what);
    const problems = reading.ok ? request.check(reading.value) : reading.problems;
    if (reading.ok && (problems.length === 0 || attempt === 2)) return { value: reading.value, problems };
    if (attempt === 2) {
      throw new ProviderUnavailableError(`${request.what}: the model's answer was unusable after one repair: ${problems.slice(0, 3).join('; ')}`);
    }
    messages = [...request.messages, { role: 'assistant', content: reading.content }, { role: 'user', content: repairPrompt(problems) }];
  }
}

async function create<T>(
  request: StructuredRequest<T>,
  messages: ChatCompletionMessageParam[],
  responseFormat: ReturnType<typeof zodResponseFormat>,
): Promise<ChatCompletion> {
  let completion: ChatCompletion;
  try {
    completion = await request.client.chat.completions.create(
      { model: request.model, messages, response_format: responseFormat },
      request.requestOptions,
    );
  } catch (error) {
    throw toDomainError(error, { what: request.what, apiKey: request.client.apiKey });
  }
  // Billed whatever the answer turns out to be worth.
  if (completion.usage) {
    meterUsage({ provider: 'openai', model: request.model, unit: 'input_tokens', quantity: completion.usage.prompt_tokens });
    meterUsage({ provider: 'openai', model: request.model, unit: 'output_tokens', quantity: completion.usage.completion_tokens });
  }
  return completion;
}

function readAnswer<T>(completion: ChatCompletion, schema: z.ZodType<T>, what: string): Reading<T> {
  const choice = completion.choices[0];
  if (choice === undefined) throw new ProviderUnavailableError(`${what}: OpenAI answered without a choice`);
  const { message, finish_reason: finishReason } = choice;
  if (typeof message.refusal === 'string' && message.refusal.length > 0) {
    throw new ProviderRejectedError(`${what}: the model refused: ${message.refusal.slice(0, 200)}`);
  }
  if (finishReason === 'content_filter') throw new ProviderRejectedError(`${what}: the provider's content filter stopped the answer`);
  const content = message.content ?? '';
  if (finishReason === 'length') {
    return { ok: false, content, problems: ['it was cut off at the output limit: answer again, shorter (fewer, shorter items)'] };
  }
  if (content.trim().length === 0) return { ok: false, content, problems: ['it was empty'] };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, content, problems: [`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, content, problems: [`it does not match the schema: ${z.prettifyError(parsed.error)}`] };
  return { ok: true, value: parsed.data, content };
}
