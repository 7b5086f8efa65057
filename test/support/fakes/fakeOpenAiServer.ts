import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultBrain, type Brain, type ChatRequest } from './fakeOpenAiBrain.js';

export type { Brain, ChatRequest } from './fakeOpenAiBrain.js';

// A real HTTP server on loopback that speaks the documented OpenAI wire format for the three
// endpoints aftercall uses, so adapters are tested through the real SDK: its request building,
// multipart upload, retries, retry-after, timeouts and error classes.
//   POST /v1/chat/completions   (structured outputs: response_format json_schema, strict; or
//                                with `stream: true`, server-sent `chat.completion.chunk` events
//                                ending in `data: [DONE]`, a usage chunk first if
//                                stream_options.include_usage)
//   POST /v1/embeddings         (float or base64 little-endian float32, per encoding_format)
//   POST /v1/audio/transcriptions (multipart; json, verbose_json, diarized_json)

export interface FakeTranscriptionSegment {
  speaker: string;
  start: number;
  end: number;
  text: string;
}

export interface FakeOpenAiOptions {
  /** The key requests must carry as `Authorization: Bearer <key>`. Default `test-key`. */
  apiKey?: string;
  /** Answers structured chat requests; default: plausible meeting notes and "[fr] " translations. */
  brain?: Brain;
  /** Answers plain-text chat requests (streamed or not); default "OK". */
  text?: (request: ChatRequest) => string;
  /** Vector size when a request names no `dimensions`. Default 1536. */
  embeddingDimensions?: number;
  /** What every transcription "hears". */
  transcription?: { segments: FakeTranscriptionSegment[]; duration?: number; language?: string };
  /** Optional latency model for benchmarks: time to first token plus output tokens at a rate; a fixed time an embeddings batch. */
  latency?: { firstTokenMs: number; tokensPerSecond: number; embeddingBatchMs?: number };
}

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
  /** Accept the request and never answer (for client timeouts). */
  | { kind: 'hang' }
  /** Chat: content that is not JSON. */
  | { kind: 'malformed' }
  /** Chat: `message.refusal` set, content null. */
  | { kind: 'refusal' }
  /** Chat: every utterance id in the brain's answer (or passage id `[n]` in a text answer) replaced by one that does not exist. */
  | { kind: 'wrongIds' }
  /** Streamed chat: the headers and the first chunk, then silence (a stream that stalls midway). */
  | { kind: 'stall' }
  /** Chat: `finish_reason: 'length'` with the content cut off. */
  | { kind: 'length' }
  /** Chat: `finish_reason: 'content_filter'`. */
  | { kind: 'contentFilter' }
  /** Embeddings: float arrays whatever encoding_format asked (some OpenAI-compatible servers do). */
  | { kind: 'floatEmbeddings' };

export interface RecordedRequest {
  method: string;
  /** Without the `/v1` prefix: `/chat/completions`, `/embeddings`, `/audio/transcriptions`. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or the multipart fields (a file as `{ name, size, type }`). */
  body: Record<string, unknown>;
}

export interface FakeOpenAiServer {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  /** The next `times` requests (default 1) to `path` (default any) get this fault, after letting `after` of them (default 0) through. */
  setFault(fault: Fault, options?: { times?: number; path?: string; after?: number }): void;
  close(): Promise<void>;
}

interface PendingFault {
  fault: Fault;
  remaining: number;
  skip: number;
  path: string | undefined;
}

export async function startFakeOpenAiServer(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  const apiKey = options.apiKey ?? 'test-key';
  const brain = options.brain ?? defaultBrain;
  const requests: RecordedRequest[] = [];
  const faults: PendingFault[] = [];
  let sequence = 0;

  const takeFault = (path: string): Fault | null => {
    const pending = faults.find((f) => f.remaining > 0 && (f.path === undefined || f.path === path));
    if (pending === undefined) return null;
    if (pending.skip > 0) {
      pending.skip -= 1;
      return null;
    }
    pending.remaining -= 1;
    return pending.fault;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, { message: `fake server bug: ${String(error)}`, type: 'server_error', code: null });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '').replace(/^\/v1/, '').split('?')[0] ?? '';
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const body = await parseBody(raw, headers['content-type'] ?? '');
    requests.push({ method: req.method ?? '', path, headers, body });
    sequence += 1;
    res.setHeader('x-request-id', `req_fake_${sequence}`);

    if (headers.authorization !== `Bearer ${apiKey}`) {
      // Some OpenAI-compatible servers echo the key they were given: adapters must not pass it on.
      return sendError(res, 401, { message: `Incorrect API key provided: ${headers.authorization ?? '(none)'}`, type: 'invalid_request_error', code: 'invalid_api_key' });
    }
    const fault = takeFault(path);
    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up or close()
    if (fault?.kind === 'status') {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
      const type = fault.status === 429 ? 'requests' : fault.status >= 500 ? 'server_error' : 'invalid_request_error';
      return sendError(res, fault.status, { message: fault.message ?? `fake status ${fault.status}`, type, code: fault.code ?? null });
    }
    if (req.method !== 'POST') return sendError(res, 405, { message: 'method not allowed', type: 'invalid_request_error', code: null });
    if (path === '/chat/completions') return chatCompletion(res, body, fault);
    if (path === '/embeddings') return embeddings(res, body, fault);
    if (path === '/audio/transcriptions') return transcription(res, body);
    return sendError(res, 404, { message: `unknown path ${path}`, type: 'invalid_request_error', code: 'unknown_url' });
  }

  async function chatCompletion(res: ServerResponse, body: Record<string, unknown>, fault: Fault | null): Promise<void> {
    const problem = chatRequestProblem(body);
    if (problem !== null) return sendError(res, 400, { message: problem, type: 'invalid_request_error', code: null });
    const request = body as unknown as ChatRequest;
    const structured = request.response_format?.type === 'json_schema';
    let content: string | null = structured ? JSON.stringify(brain(request)) : (options.text?.(request) ?? 'OK');
    let refusal: string | null = null;
    let finishReason = 'stop';
    if (fault?.kind === 'wrongIds' && content !== null) content = content.replace(/"u\d+"/g, '"u999999"').replace(/\[\d+\]/g, '[99]');
    if (fault?.kind === 'malformed') content = 'Sure! Here are the notes: {"summary": [';
    if (fault?.kind === 'refusal') [content, refusal] = [null, "I'm sorry, but I can't help with that request."];
    if (fault?.kind === 'length') [content, finishReason] = [(content ?? '').slice(0, 40), 'length'];
    if (fault?.kind === 'contentFilter') [content, finishReason] = [null, 'content_filter'];

    const promptTokens = promptTokensOf(request);
    const completionTokens = tokens(content ?? refusal ?? '');
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    if (body.stream === true) return streamChat(res, request, { content, refusal, finishReason, usage, stall: fault?.kind === 'stall', includeUsage: (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true });
    if (options.latency) await sleep(options.latency.firstTokenMs + (completionTokens / options.latency.tokensPerSecond) * 1000);
    sendJson(res, 200, {
      id: `chatcmpl-fake${sequence}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: finishReason }],
      usage,
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    });
  }

  /**
   * The documented streaming form: `data: <chat.completion.chunk>` events, the first with the
   * role, then the content (or refusal) about a token (4 characters) a chunk, paced by the latency
   * model, then one with `finish_reason` and an empty delta; with include_usage every chunk has
   * `usage: null` and a last chunk with no choices carries the usage; then `data: [DONE]`.
   */
  async function streamChat(
    res: ServerResponse,
    request: ChatRequest,
    answer: { content: string | null; refusal: string | null; finishReason: string; usage: unknown; stall: boolean; includeUsage: boolean },
  ): Promise<void> {
    const id = `chatcmpl-fake${sequence}`;
    const created = Math.floor(Date.now() / 1000);
    const send = (choices: unknown[], usage?: unknown) => {
      if (res.destroyed) return;
      const chunk = { id, object: 'chat.completion.chunk', created, model: request.model, service_tier: 'default', system_fingerprint: 'fp_fake', choices, ...(answer.includeUsage ? { usage: usage ?? null } : {}) };
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    };
    const delta = (fields: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta: fields, logprobs: null, finish_reason: finishReason });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    if (options.latency) await sleep(options.latency.firstTokenMs);
    send([delta({ role: 'assistant', content: '', refusal: null })]);
    if (answer.stall) return; // headers and one chunk sent; the socket stays open until the client gives up or close()
    const field = answer.refusal === null ? 'content' : 'refusal';
    const text = answer.refusal ?? answer.content ?? '';
    const pieces = text.match(/[\s\S]{1,4}/g) ?? [];
    const msPerPiece = options.latency ? 1000 / options.latency.tokensPerSecond : 0;
    const started = Date.now();
    for (const [n, piece] of pieces.entries()) {
      // Paced against the clock, not per sleep: timers are coarser than a token at 60 tokens/s.
      const due = started + (n + 1) * msPerPiece - Date.now();
      if (due > 0) await sleep(due);
      send([delta({ [field]: piece })]);
    }
    send([delta({}, answer.finishReason)]);
    if (answer.includeUsage) send([], answer.usage);
    if (!res.destroyed) res.end('data: [DONE]\n\n');
  }

  async function embeddings(res: ServerResponse, body: Record<string, unknown>, fault: Fault | null): Promise<void> {
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (typeof body.model !== 'string' || body.model.length === 0) return sendError(res, 400, { message: 'you must provide a model parameter', type: 'invalid_request_error', code: null });
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 2048 || !inputs.every((i) => typeof i === 'string' && i.length > 0)) {
      return sendError(res, 400, { message: "'$.input' is invalid: 1 to 2048 non-empty strings", type: 'invalid_request_error', code: null });
    }
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : (options.embeddingDimensions ?? 1536);
    const base64 = body.encoding_format === 'base64' && fault?.kind !== 'floatEmbeddings';
    const texts = inputs as string[];
    if (options.latency?.embeddingBatchMs !== undefined) await sleep(options.latency.embeddingBatchMs);
    const promptTokens = texts.reduce((sum, text) => sum + tokens(text), 0);
    sendJson(res, 200, {
      object: 'list',
      data: texts.map((text, index) => {
        const vector = fakeEmbedding(text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? float32Base64(vector) : Array.from(vector) };
      }),
      model: body.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    });
  }

  function transcription(res: ServerResponse, body: Record<string, unknown>): void {
    const file = body.file as { size?: number } | undefined;
    if (typeof body.model !== 'string' || file === undefined || typeof file.size !== 'number') {
      return sendError(res, 400, { message: 'model and file are required', type: 'invalid_request_error', code: null });
    }
    const heard = options.transcription ?? { segments: [{ speaker: 'A', start: 0, end: 2, text: 'Hello.' }] };
    const duration = heard.duration ?? Math.max(0, ...heard.segments.map((s) => s.end));
    const text = heard.segments.map((s) => s.text).join(' ');
    const format = typeof body.response_format === 'string' ? body.response_format : 'json';
    if (format === 'diarized_json') {
      if (duration > 30 && body.chunking_strategy === undefined) {
        return sendError(res, 400, { message: 'chunking_strategy is required for diarization models when the audio is longer than 30 seconds', type: 'invalid_request_error', code: 'invalid_value' });
      }
      return sendJson(res, 200, {
        task: 'transcribe',
        duration,
        text,
        segments: heard.segments.map((s, i) => ({ type: 'transcript.text.segment', id: `seg_${i}`, ...s })),
        usage: { type: 'tokens', input_tokens: Math.ceil(duration * 10), output_tokens: tokens(text), total_tokens: Math.ceil(duration * 10) + tokens(text) },
      });
    }
    if (format === 'verbose_json') {
      return sendJson(res, 200, {
        task: 'transcribe',
        language: heard.language ?? 'english',
        duration,
        text,
        segments: heard.segments.map((s, id) => ({ id, seek: 0, start: s.start, end: s.end, text: s.text, tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.3, no_speech_prob: 0.01 })),
        usage: { type: 'duration', seconds: Math.ceil(duration) },
      });
    }
    return sendJson(res, 200, { text, usage: { type: 'duration', seconds: Math.ceil(duration) } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    setFault(fault, faultOptions = {}) {
      faults.push({ fault, remaining: faultOptions.times ?? 1, skip: faultOptions.after ?? 0, path: faultOptions.path });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The vector the fake answers for a text: seeded by the text, unit length. Tests compare decoded vectors with it. */
export function fakeEmbedding(text: string, dimensions: number): Float32Array {
  let seed = 2166136261;
  for (const char of text) seed = Math.imul(seed ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i += 1) {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    vector[i] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  return vector.map((v) => v * scale);
}

// The documented base64 form: the raw little-endian float32 bytes.
function float32Base64(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

function chatRequestProblem(body: Record<string, unknown>): string | null {
  if (typeof body.model !== 'string' || body.model.length === 0) return 'you must provide a model parameter';
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "'messages' must be a non-empty array";
  if (!messages.every((m) => typeof m === 'object' && m !== null && typeof (m as { role?: unknown }).role === 'string')) return 'every message needs a role';
  const format = body.response_format as ChatRequest['response_format'] | undefined;
  if (format !== undefined && format.type === 'json_schema') {
    const schema = format.json_schema;
    if (schema?.strict !== true) return 'structured outputs here are strict: json_schema.strict must be true';
    if (typeof schema.name !== 'string' || typeof schema.schema !== 'object' || schema.schema === null) return 'json_schema needs a name and a schema';
    // Strict mode's own rules for the root: an object that allows no other properties.
    const root = schema.schema as { type?: unknown; additionalProperties?: unknown };
    if (root.type !== 'object' || root.additionalProperties !== false) return "strict schemas need type 'object' and additionalProperties: false";
    return strictSchemaProblem(schema.schema, '$');
  }
  return null;
}

/**
 * The documented rules of strict structured outputs, at every level: each object lists all its
 * properties as required and sets additionalProperties: false (optional fields are written as
 * nullable instead). OpenAI rejects a schema that breaks them with a 400.
 */
function strictSchemaProblem(node: unknown, path: string): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const schema = node as { type?: unknown; properties?: Record<string, unknown>; required?: unknown; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[]; $defs?: Record<string, unknown>; definitions?: Record<string, unknown> };
  if (schema.type === 'object' || schema.properties !== undefined) {
    if (schema.additionalProperties !== false) return `Invalid schema for response_format: In context=${path}, 'additionalProperties' is required to be supplied and to be false.`;
    const keys = Object.keys(schema.properties ?? {});
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = keys.filter((key) => !required.includes(key));
    if (missing.length > 0) return `Invalid schema for response_format: In context=${path}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0] ?? ''}'.`;
  }
  const children: [unknown, string][] = [
    ...Object.entries(schema.properties ?? {}).map(([key, child]): [unknown, string] => [child, `${path}.${key}`]),
    [schema.items, `${path}[]`],
    ...(schema.anyOf ?? []).map((child, i): [unknown, string] => [child, `${path}|${i}`]),
    ...Object.entries({ ...schema.$defs, ...schema.definitions }).map(([key, child]): [unknown, string] => [child, `#/${key}`]),
  ];
  for (const [child, childPath] of children) {
    const problem = strictSchemaProblem(child, childPath);
    if (problem !== null) return problem;
  }
  return null;
}

// About 4 characters a token; 3 tokens a message and 3 to prime the reply (OpenAI's cookbook
// count); the strict schema is part of the billed prompt too.
function promptTokensOf(request: ChatRequest): number {
  const messages = request.messages.reduce((sum, m) => sum + 3 + tokens(m.content ?? ''), 3);
  const schema = request.response_format?.json_schema?.schema;
  return messages + (schema === undefined ? 0 : tokens(JSON.stringify(schema)));
}

const tokens = (text: string): number => Math.ceil(text.length / 4);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  if (contentType.startsWith('multipart/form-data')) {
    // The platform's own multipart parser, through a Request.
    const form = await new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form) {
      fields[key] = typeof value === 'string' ? value : { name: value.name, size: value.size, type: value.type };
    }
    return fields;
  }
  if (raw.length === 0) return {};
  try {
    const json: unknown = JSON.parse(raw.toString('utf8'));
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, error: { message: string; type: string; code: string | null }): void {
  sendJson(res, status, { error: { message: error.message, type: error.type, param: null, code: error.code } });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
