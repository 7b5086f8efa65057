import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenResponse, type ListenOptions, type ScriptedTurn } from './deepgramListenResponse.js';

export type { ScriptedTurn } from './deepgramListenResponse.js';
export { turnsFromTranscript } from './deepgramListenResponse.js';

/** What the next requests get instead of a transcription. `times` defaults to 1. */
export type FakeDeepgramFault =
  | { kind: 'status'; status: number; times?: number; retryAfterSeconds?: number; body?: unknown }
  /** Accepts the request and never answers: the client's timeout has to end it. */
  | { kind: 'hang'; times?: number }
  /** A 200 whose body is not a transcription (by default, cut-off JSON). */
  | { kind: 'malformed'; times?: number; body?: string };

export interface FakeDeepgramServerOptions {
  apiKey: string;
  /** What the audio "says": every transcription answers this script. */
  turns: readonly ScriptedTurn[];
  /** Reported when the request asks for detect_language. Default 'en'. */
  detectedLanguage?: string;
  /** Default: the end of the last turn. */
  durationSeconds?: number;
  /** Simulated processing time for the audio's duration, e.g. `(s) => (s / 3600) * 30_000 * scale`. Default none. */
  latencyMs?: (audioSeconds: number) => number;
  /** How long after accepting a callback request the result is posted. Default 0. */
  callbackDelayMs?: number;
  /** Where each callback is sent instead of the URL Deepgram was given (to perform a tampered target). */
  redirectCallback?: (url: string) => string;
}

export type RecordedBody = { kind: 'url'; url: string } | { kind: 'audio'; bytes: number } | { kind: 'invalid'; reason: string };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  body: RecordedBody;
}

export interface CallbackDelivery {
  /** The callback URL as given, credentials included. */
  url: string;
  method: string;
  requestId: string;
  /** The receiver's status, or null when it could not be reached. */
  status: number | null;
  /** The size of the body sent. */
  bytes: number;
}

export interface FakeDeepgramServer {
  /** Base URL for `new DeepgramClient({ baseUrl })`. */
  url: string;
  requests: RecordedRequest[];
  callbacks: CallbackDelivery[];
  setFault(fault: FakeDeepgramFault | null): void;
  close(): Promise<void>;
}

const BOOLEAN_PARAMS = ['diarize', 'utterances', 'punctuate', 'smart_format', 'paragraphs', 'detect_language', 'multichannel', 'numerals', 'filler_words', 'profanity_filter'];

// Error bodies in Deepgram's documented shape ({ err_code, err_msg, request_id }).
const errorBody = (errCode: string, errMsg: string) => ({ err_code: errCode, err_msg: errMsg, request_id: randomUUID() });
const DEFAULT_ERROR: Record<number, [string, string]> = {
  400: ['Bad Request', 'Bad Request: failed to process audio: corrupt or unsupported data'],
  401: ['INVALID_AUTH', 'Invalid credentials.'],
  402: ['ASR_PAYMENT_REQUIRED', 'Project does not have enough credits for an ASR request'],
  403: ['INSUFFICIENT_PERMISSIONS', 'Project does not have access to the requested model'],
  429: ['TOO_MANY_REQUESTS', 'Too many requests. Please try again later'],
};

/**
 * A local stand-in for Deepgram's pre-recorded API (`POST /v1/listen`), for the real SDK to
 * talk to: it checks `Authorization: Token <key>`, reads a JSON `{ url }` or an audio body,
 * shapes its answer by the query options as Deepgram does, posts to `callback` URLs, and can
 * be told to fail. Only 127.0.0.1; it never fetches the audio URL it is given.
 */
export async function startFakeDeepgramServer(options: FakeDeepgramServerOptions): Promise<FakeDeepgramServer> {
  const requests: RecordedRequest[] = [];
  const callbacks: CallbackDelivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fault: { fault: FakeDeepgramFault; remaining: number } | null = null;
  const durationSeconds = options.durationSeconds ?? Math.max(0, ...options.turns.map((t) => t.endMs)) / 1000;

  const later = (ms: number, work: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const takeFault = (): FakeDeepgramFault | null => {
    if (fault === null) return null;
    const taken = fault.fault;
    fault.remaining -= 1;
    if (fault.remaining <= 0) fault = null;
    return taken;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error)));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: address.pathname,
      query: address.searchParams,
      authorization: req.headers.authorization,
      contentType,
      body: bodyOf(raw, contentType),
    };
    requests.push(recorded);

    if (req.method !== 'POST' || address.pathname !== '/v1/listen') {
      return sendJson(res, 404, errorBody('NOT_FOUND', `no route for ${req.method ?? ''} ${address.pathname}`));
    }
    if (req.headers.authorization !== `Token ${options.apiKey}`) {
      return sendJson(res, 401, errorBody(...(DEFAULT_ERROR[401] ?? ['INVALID_AUTH', 'Invalid credentials.'])));
    }

    const injected = takeFault();
    if (injected?.kind === 'hang') return; // the socket stays open until the client gives up or close()
    if (injected?.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(injected.body ?? '{"metadata": {"request_id": "');
      return;
    }
    if (injected?.kind === 'status') {
      const [code, message] = DEFAULT_ERROR[injected.status] ?? ['INTERNAL_SERVER_ERROR', 'The service encountered an unexpected error'];
      const headers = injected.retryAfterSeconds === undefined ? {} : { 'retry-after': String(injected.retryAfterSeconds) };
      return sendJson(res, injected.status, injected.body ?? errorBody(code, message), headers);
    }

    const body = recorded.body;
    if (body.kind === 'invalid') return sendJson(res, 400, invalidBody(body.reason));
    if (body.kind === 'audio' && body.bytes === 0) {
      return sendJson(res, 400, errorBody(...(DEFAULT_ERROR[400] ?? ['Bad Request', 'corrupt or unsupported data'])));
    }
    const listen = listenOptionsOf(address.searchParams);
    if (typeof listen === 'string') return sendJson(res, 400, errorBody('Bad Request', listen));

    const requestId = randomUUID();
    const answer = () =>
      listenResponse(options.turns, listen, {
        requestId,
        durationSeconds,
        detectedLanguage: options.detectedLanguage ?? 'en',
        audioDigest: createHash('sha256').update(raw).digest('hex'),
      });
    const latency = options.latencyMs?.(durationSeconds) ?? 0;

    const callback = address.searchParams.get('callback');
    if (callback !== null) {
      // Documented: POST by default; `callback_method=put` makes Deepgram PUT the same body instead.
      const method = (address.searchParams.get('callback_method') ?? 'POST').toUpperCase();
      if (method !== 'POST' && method !== 'PUT') return sendJson(res, 400, errorBody('Bad Request', `callback_method must be POST or PUT, not ${method}`));
      sendJson(res, 200, { request_id: requestId });
      later((options.callbackDelayMs ?? 0) + latency, () => {
        void deliver(options.redirectCallback?.(callback) ?? callback, method, requestId, answer(), options.apiKey).then((delivery) => callbacks.push(delivery));
      });
      return;
    }
    later(latency, () => sendJson(res, 200, answer()));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    callbacks,
    setFault(next) {
      fault = next === null ? null : { fault: next, remaining: next.times ?? 1 };
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error))));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deepgram reads JSON `{ url }` when told the body is JSON, and audio otherwise. */
function bodyOf(raw: Buffer, contentType: string | undefined): RecordedBody {
  if (!(contentType ?? '').toLowerCase().startsWith('application/json')) return { kind: 'audio', bytes: raw.length };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { kind: 'invalid', reason: 'unparseable' };
  }
  const url = typeof json === 'object' && json !== null && 'url' in json ? json.url : undefined;
  return typeof url === 'string' ? { kind: 'url', url } : { kind: 'invalid', reason: 'missing url' };
}

// Both documented 400 bodies for JSON requests.
function invalidBody(reason: string): unknown {
  return reason === 'unparseable'
    ? errorBody('Bad Request', 'Content-type was application/json, but we could not process the JSON payload.')
    : { category: 'INVALID_JSON', message: 'Invalid JSON submitted.', details: 'Json deserialize error: missing field `url` at line 1 column 2', request_id: randomUUID() };
}

/** The options the answer depends on, or why the query is refused. */
function listenOptionsOf(query: URLSearchParams): ListenOptions | string {
  for (const name of BOOLEAN_PARAMS) {
    const value = query.get(name);
    if (value !== null && value !== 'true' && value !== 'false') return `${name} must be true or false, not ${value}`;
  }
  const callback = query.get('callback');
  if (callback !== null && !/^https?:\/\//.test(callback)) return 'callback must be an http or https URL';
  const on = (name: string): boolean => query.get(name) === 'true';
  const extra = Object.fromEntries(
    query.getAll('extra').flatMap((pair) => {
      const at = pair.indexOf(':');
      return at <= 0 ? [] : [[pair.slice(0, at), pair.slice(at + 1)]];
    }),
  );
  return {
    model: query.get('model') ?? 'base',
    diarize: on('diarize') || query.has('diarize_model'),
    utterances: on('utterances'),
    punctuate: on('punctuate'),
    smartFormat: on('smart_format'),
    paragraphs: on('paragraphs'),
    detectLanguage: on('detect_language'),
    redact: query.getAll('redact').flatMap((value) => value.split(',')),
    extra,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Sends the result as Deepgram does: the JSON body with the `dg-token` header (the submitting
 * key's identifier); Basic Auth credentials in the URL become an Authorization header. The URL
 * is used as given otherwise (a presigned S3 URL's query is its signature).
 */
async function deliver(callbackUrl: string, method: string, requestId: string, body: unknown, apiKey: string): Promise<CallbackDelivery> {
  const target = new URL(callbackUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'dg-token': createHash('sha256').update(apiKey).digest('hex').slice(0, 36) };
  if (target.username !== '') {
    const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  try {
    const response = await fetch(target, { method, headers, body: text });
    await response.arrayBuffer();
    return { url: callbackUrl, method, requestId, status: response.status, bytes };
  } catch {
    return { url: callbackUrl, method, requestId, status: null, bytes };
  }
}
