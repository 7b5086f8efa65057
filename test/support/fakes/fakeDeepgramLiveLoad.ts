/**
 * The live bench's load generator, run as a child process so that the relay under test has the
 * parent's event loop to itself: it runs the fake Deepgram live server and, on request, opens
 * N participants (an ingest socket streaming 100 ms of PCM every 100 ms, in real time) each
 * with one subscriber in its own room. Talks to the bench over IPC.
 */
import WebSocket from 'ws';
import { startFakeDeepgramLiveServer, type LiveScriptTurn } from './fakeDeepgramLiveServer.js';

type Command = { type: 'start'; apiKey: string } | { type: 'streams'; count: number; relayUrl: string; key: string } | { type: 'stop' };

const CHUNK_MS = 100;
const CHUNK = new Uint8Array((16000 * 2 * CHUNK_MS) / 1000);
/** Two seconds of talk, half a second of pause, for an hour: interims every 500 ms, a final per turn. */
const TURNS: LiveScriptTurn[] = Array.from({ length: 1440 }, (_, i) => ({ startMs: i * 2500, endMs: i * 2500 + 2000, text: 'so the next item on the agenda is the remote control design' }));

const sockets: WebSocket[] = [];
let timer: NodeJS.Timeout | undefined;
let fake: Awaited<ReturnType<typeof startFakeDeepgramLiveServer>> | undefined;

const send = (message: object) => process.send?.(message);

async function open(url: string, key: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${key}` } });
  ws.on('message', () => undefined);
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  sockets.push(ws);
  return ws;
}

const ingests: WebSocket[] = [];

process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'start') {
      fake = await startFakeDeepgramLiveServer({ apiKey: command.apiKey, turns: TURNS });
      // One tick for all streams: each sends its 100 ms chunk, as a client with a 100 ms audio buffer does.
      timer = setInterval(() => {
        for (const ws of ingests) if (ws.readyState === ws.OPEN) ws.send(CHUNK);
      }, CHUNK_MS);
      send({ type: 'ready', fakeUrl: fake.url });
    } else if (command.type === 'streams') {
      const base = command.relayUrl.replace(/^http/, 'ws');
      while (ingests.length < command.count) {
        const room = `bench-${ingests.length}`;
        await open(`${base}/live/captions?room=${room}`, command.key);
        ingests.push(await open(`${base}/live/ingest?room=${room}&participant=p&sampleRate=16000`, command.key));
      }
      send({ type: 'streaming', count: ingests.length });
    } else {
      clearInterval(timer);
      for (const ws of sockets) ws.terminate();
      await fake?.close();
      send({ type: 'stopped' });
      process.exit(0);
    }
  })();
});
