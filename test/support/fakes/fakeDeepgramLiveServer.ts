import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/** One spoken turn of the script, in audio time. */
export interface LiveScriptTurn {
  startMs: number;
  endMs: number;
  text: string;
}

export interface FakeDeepgramLiveServerOptions {
  apiKey: string;
  /** What a connection's audio "says", by audio time: the same for every connection, or by connection (0 = the first opened). */
  turns: readonly LiveScriptTurn[] | ((connectionIndex: number) => readonly LiveScriptTurn[]);
  /** How often an interim result is sent while a turn is being spoken, in audio ms. Default 500. */
  interimEveryMs?: number;
}

export interface LiveConnection {
  query: URLSearchParams;
  authorization: string | undefined;
  audioBytes: number;
  /** Control messages received: KeepAlive, Finalize, CloseStream. */
  controls: string[];
  closedBy: 'client' | 'server' | null;
}

export interface FakeDeepgramLiveServer {
  /** Base URL for `new DeepgramClient({ baseUrl })`. */
  url: string;
  connections: LiveConnection[];
  /** Cuts every open stream as a network fault would (no close frame). */
  dropAll(): void;
  openCount(): number;
  close(): Promise<void>;
}

const REQUIRED = ['model', 'encoding', 'sample_rate', 'channels'];
const BOOLEANS = ['interim_results', 'smart_format', 'punctuate', 'vad_events', 'diarize'];
const MODEL_INFO = { name: '2-general-nova', version: '2024-01-09.29447', arch: 'nova-3' };

/**
 * A local stand-in for Deepgram's live API (`wss://api.deepgram.com/v1/listen`) on 127.0.0.1
 * for the real SDK: it refuses the upgrade without `Authorization: Token <key>` or with bad query
 * parameters (as Deepgram answers 401/400 before upgrading), counts the linear16 audio it is
 * sent, and answers with the documented messages as audio time passes each scripted turn:
 * SpeechStarted (vad_events), interim Results, a final Results with speech_final, UtteranceEnd
 * (utterance_end_ms), and Metadata after CloseStream. Finalize flushes the turn in progress.
 * Shapes: https://developers.deepgram.com/docs/live-streaming-audio and the SDK's ListenV1* types.
 */
export async function startFakeDeepgramLiveServer(options: FakeDeepgramLiveServerOptions): Promise<FakeDeepgramLiveServer> {
  const connections: LiveConnection[] = [];
  const sockets = new Set<WebSocket>();
  const http = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, message: string) => {
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Bad Request'}\r\ncontent-type: application/json\r\n\r\n${JSON.stringify({ err_code: status === 401 ? 'INVALID_AUTH' : 'Bad Request', err_msg: message, request_id: randomUUID() })}`);
    };
    if (url.pathname !== '/v1/listen') return refuse(400, `no route for ${url.pathname}`);
    if (req.headers.authorization !== `Token ${options.apiKey}`) return refuse(401, 'Invalid credentials.');
    const problem = queryProblem(url.searchParams);
    if (problem !== null) return refuse(400, problem);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, url.searchParams, req.headers.authorization));
  });

  function serve(ws: WebSocket, query: URLSearchParams, authorization: string | undefined): void {
    const connection: LiveConnection = { query, authorization, audioBytes: 0, controls: [], closedBy: null };
    const turns = typeof options.turns === 'function' ? options.turns(connections.length) : options.turns;
    connections.push(connection);
    sockets.add(ws);
    const requestId = randomUUID();
    const bytesPerMs = (Number(query.get('sample_rate')) * 2 * Number(query.get('channels'))) / 1000;
    const interimEvery = options.interimEveryMs ?? 500;
    const interim = query.get('interim_results') === 'true';
    const vad = query.get('vad_events') === 'true';
    const utteranceEnd = query.has('utterance_end_ms');
    let heardMs = 0;
    let turnIndex = 0;
    let spokenAt = -1;
    let nextInterimAt = 0;

    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const results = (turn: LiveScriptTurn, untilMs: number, isFinal: boolean, fromFinalize = false) => {
      send(resultsMessage(turn, untilMs, { isFinal, requestId, fromFinalize }));
      if (isFinal && utteranceEnd) send({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: round(Math.min(untilMs, turn.endMs) / 1000) });
    };

    // Audio time drives the script: everything said up to `heardMs` is answered now.
    const advance = () => {
      for (;;) {
        const turn = turns[turnIndex];
        if (turn === undefined || heardMs < turn.startMs) return;
        if (spokenAt < turnIndex) {
          spokenAt = turnIndex;
          nextInterimAt = turn.startMs + interimEvery;
          if (vad) send({ type: 'SpeechStarted', channel: [0, 1], timestamp: round(turn.startMs / 1000) });
        }
        if (heardMs < turn.endMs) {
          while (interim && heardMs >= nextInterimAt) {
            results(turn, nextInterimAt, false);
            nextInterimAt += interimEvery;
          }
          return;
        }
        results(turn, turn.endMs, true);
        turnIndex += 1;
      }
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        const bytes = Array.isArray(data) ? data.reduce((n, part) => n + part.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
        connection.audioBytes += bytes;
        heardMs = connection.audioBytes / bytesPerMs;
        advance();
        return;
      }
      const type = controlType(data.toString());
      connection.controls.push(type);
      if (type === 'Finalize') {
        const turn = turns[turnIndex];
        if (turn !== undefined && spokenAt === turnIndex) {
          results(turn, heardMs, true, true);
          turnIndex += 1;
        }
      } else if (type === 'CloseStream') {
        send({ type: 'Metadata', transaction_key: 'deprecated', request_id: requestId, sha256: '0'.repeat(64), created: new Date().toISOString(), duration: round(heardMs / 1000), channels: 1 });
        connection.closedBy = 'server';
        ws.close(1000);
      } else if (type !== 'KeepAlive') {
        ws.close(1008, 'unknown control message');
      }
    });
    ws.on('close', () => {
      sockets.delete(ws);
      connection.closedBy ??= 'client';
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    dropAll() {
      for (const ws of sockets) ws.terminate();
    },
    openCount: () => sockets.size,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Deepgram refuses a live request whose audio description it cannot use, before upgrading. */
function queryProblem(query: URLSearchParams): string | null {
  for (const name of REQUIRED) if (!query.has(name)) return `missing query parameter ${name}`;
  if (query.get('encoding') !== 'linear16') return `this fake speaks linear16 only, not ${query.get('encoding') ?? ''}`;
  const rate = Number(query.get('sample_rate'));
  if (!Number.isInteger(rate) || rate < 8000 || rate > 48000) return `sample_rate must be an integer 8000–48000`;
  if (query.get('channels') !== '1') return 'channels must be 1';
  for (const name of BOOLEANS) {
    const value = query.get(name);
    if (value !== null && value !== 'true' && value !== 'false') return `${name} must be true or false`;
  }
  for (const name of ['endpointing', 'utterance_end_ms']) {
    const value = query.get(name);
    if (value !== null && value !== 'false' && !/^\d+$/.test(value)) return `${name} must be a number of milliseconds`;
  }
  return null;
}

function controlType(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'type' in parsed && typeof parsed.type === 'string' ? parsed.type : 'invalid';
  } catch {
    return 'invalid';
  }
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A Results message for the words of `turn` spoken by `untilMs`, with times spread evenly over the turn. */
function resultsMessage(turn: LiveScriptTurn, untilMs: number, meta: { isFinal: boolean; requestId: string; fromFinalize: boolean }): unknown {
  const tokens = turn.text.split(/\s+/).filter((token) => token !== '');
  const perWord = (turn.endMs - turn.startMs) / Math.max(1, tokens.length);
  const words = tokens
    .map((token, i) => ({
      word: token.toLowerCase().replace(/[^\p{L}\p{N}']/gu, ''),
      start: round((turn.startMs + i * perWord) / 1000),
      end: round((turn.startMs + (i + 1) * perWord) / 1000),
      confidence: 0.9,
      punctuated_word: token,
    }))
    .filter((word) => word.end * 1000 <= untilMs + 1);
  const endMs = Math.min(untilMs, turn.endMs);
  return {
    type: 'Results',
    channel_index: [0, 1],
    duration: round((endMs - turn.startMs) / 1000),
    start: round(turn.startMs / 1000),
    is_final: meta.isFinal,
    speech_final: meta.isFinal && !meta.fromFinalize,
    ...(meta.fromFinalize ? { from_finalize: true } : {}),
    channel: { alternatives: [{ transcript: words.map((word) => word.punctuated_word).join(' '), confidence: 0.9, words }] },
    metadata: { request_id: meta.requestId, model_info: MODEL_INFO, model_uuid: randomUUID() },
  };
}
