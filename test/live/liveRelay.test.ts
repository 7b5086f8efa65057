import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeepgramLiveTranscriber } from '../../lib/adapters/deepgram/DeepgramLiveTranscriber.js';
import { createDeepgramClient } from '../../lib/adapters/deepgram/createDeepgramClient.js';
import { CaptionRelay } from '../../lib/app/live/CaptionRelay.js';
import { CLOSE } from '../../lib/app/live/closeCodes.js';
import { startRelayServer, type RelayServer } from '../../lib/app/live/startRelayServer.js';
import { createApiKey } from '../../lib/domain/auth/apiKeys.js';
import type { GapEvent } from '../../lib/domain/live/captionEvents.js';
import { LiveCaptionsFileSchema } from '../../lib/domain/live/saveLiveCaptions.js';
import { startFakeDeepgramLiveServer, type FakeDeepgramLiveServer, type LiveScriptTurn } from '../support/fakes/fakeDeepgramLiveServer.js';
import { bearer, captionsUrl, connectLive, events, finals, ingestUrl, readSse, streamChunks } from './support/liveClients.js';
import { memoryBlobs } from '../support/memoryBlobStore.js';
import { pcmChunks, sampleTurns, recordingPcm, type SampleTurn } from './support/sampleSpeech.js';

const DG_KEY = 'dg-relay-test';
const SECONDS = 20_000;
let blobs: ReturnType<typeof memoryBlobs>;
let fake: FakeDeepgramLiveServer;
let relay: CaptionRelay;
let server: RelayServer;
let acmeKey: string;
let globexKey: string;
let turns: SampleTurn[];
/** What each provider connection hears, by the order they open; the default is the whole sample. */
let scriptFor: (index: number) => readonly LiveScriptTurn[];

beforeEach(async () => {
  turns = await sampleTurns('standup-is1008b', SECONDS);
  scriptFor = () => turns;
  blobs = memoryBlobs();
  acmeKey = (await createApiKey(blobs, { tenantId: 'acme', role: 'member', name: 'relay test' })).key;
  globexKey = (await createApiKey(blobs, { tenantId: 'globex', role: 'member', name: 'relay test' })).key;
  fake = await startFakeDeepgramLiveServer({ apiKey: DG_KEY, turns: (index) => scriptFor(index) });
  relay = new CaptionRelay({
    blobs,
    transcriber: new DeepgramLiveTranscriber(createDeepgramClient({ apiKey: DG_KEY, baseUrl: fake.url })),
    translator: null,
    defaultTenant: 'demo',
    reconnectDelaysMs: [0, 50, 100],
    log: () => undefined,
  });
  server = await startRelayServer(relay, { host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await server.close();
  await fake.close();
});

const speakerPcm = (speaker: string) => recordingPcm('standup-is1008b', SECONDS, turns.filter((turn) => turn.speaker === speaker));

describe('caption relay: audio over WebSocket → Deepgram live (real SDK, fake server) → subscribers', () => {
  it('delivers interim and final captions of each participant, numbered per room, over WebSocket and SSE, and saves them beside the recording marked live', async () => {
    // Prepare: two participants of the standup sample, each with their own turns.
    const speakers = [...new Set(turns.map((turn) => turn.speaker))].slice(0, 2) as [string, string];
    const own = speakers.map((speaker) => turns.filter((turn) => turn.speaker === speaker));
    scriptFor = (index) => own[index] ?? [];
    const subscriber = connectLive(captionsUrl(server.url, { room: 'standup' }), bearer(acmeKey));
    await subscriber.opened;
    const sse = await fetch(`${server.url}/api/live/rooms/standup/captions`, { headers: bearer(acmeKey) });
    expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);

    // Act: each streams 100 ms chunks; the first opens before the second, so provider connections keep that order.
    const alice = connectLive(ingestUrl(server.url, { room: 'standup', participant: speakers[0] }), bearer(acmeKey));
    await alice.opened;
    await expect.poll(() => fake.connections.length).toBe(1);
    const bob = connectLive(ingestUrl(server.url, { room: 'standup', participant: speakers[1] }), bearer(acmeKey));
    await bob.opened;
    await expect.poll(() => fake.connections.length).toBe(2);
    await Promise.all([streamChunks(alice.ws, pcmChunks(await speakerPcm(speakers[0]))), streamChunks(bob.ws, pcmChunks(await speakerPcm(speakers[1])))]);
    expect((await alice.closed).code).toBe(CLOSE.normal);
    expect((await bob.closed).code).toBe(CLOSE.normal);
    await expect.poll(() => events(subscriber).filter((event) => event.type === 'ended').length).toBe(2);
    const overSse = await readSse(sse, (seen) => seen.filter((event) => event.type === 'ended').length === 2);
    await relay.settled();

    // Assess: every turn became a final caption under its speaker, with the turn's times.
    for (const [index, speaker] of speakers.entries()) {
      expect(finals(subscriber, speaker).map((event) => event.type === 'caption' && [event.text, event.startMs, event.endMs])).toEqual(own[index]?.map((turn) => [turn.text, turn.startMs, turn.endMs]));
    }
    expect(events(subscriber).some((event) => event.type === 'caption' && event.kind === 'interim')).toBe(true);
    expect(events(subscriber).map((event) => event.seq)).toEqual(events(subscriber).map((_, i) => i));
    expect(overSse.map((event) => event.seq)).toEqual(events(subscriber).map((event) => event.seq));
    const saved = LiveCaptionsFileSchema.parse(JSON.parse((await blobs.getText('tenants/acme/recordings/standup.ogg.aftercall/live-captions.json')) ?? 'null'));
    expect(saved.source).toBe('live');
    expect(saved.events.filter((event) => event.type === 'caption')).toHaveLength(own.flat().length);
    expect(saved.events.every((event) => event.type === 'caption' && event.kind === 'final')).toBe(true);
  });

  it('reconnects when the provider connection drops mid-stream: subscribers get a gap marker, then captions resume on the participant clock', async () => {
    // Prepare: the second provider connection hears the rest of the sample, its clock restarted at the reconnection.
    const dropAtMs = 6000;
    scriptFor = (index) => (index === 0 ? turns : turns.filter((turn) => turn.startMs >= dropAtMs).map((turn) => ({ ...turn, startMs: turn.startMs - dropAtMs, endMs: turn.endMs - dropAtMs })));
    const subscriber = connectLive(captionsUrl(server.url, { room: 'drop' }), bearer(acmeKey));
    await subscriber.opened;
    const ingest = connectLive(ingestUrl(server.url, { room: 'drop', participant: 'pm' }), bearer(acmeKey));
    await ingest.opened;
    const chunks = pcmChunks(await recordingPcm('standup-is1008b', SECONDS));
    const cut = dropAtMs / 100;

    // Act
    await streamChunks(ingest.ws, chunks.slice(0, cut), { end: false });
    await expect.poll(() => fake.connections[0]?.audioBytes).toBe(dropAtMs * 32);
    fake.dropAll();
    await expect.poll(() => fake.openCount() === 1 && fake.connections.length === 2).toBe(true);
    await streamChunks(ingest.ws, chunks.slice(cut));
    expect((await ingest.closed).code).toBe(CLOSE.normal);
    await expect.poll(() => events(subscriber).some((event) => event.type === 'ended')).toBe(true);

    // Assess
    const gap = events(subscriber).find((event): event is GapEvent & { seq: number } => event.type === 'gap');
    expect(gap).toMatchObject({ participant: 'pm', fromMs: dropAtMs });
    expect(gap?.reason).toMatch(/1006/);
    const after = finals(subscriber).filter((event) => event.seq > (gap?.seq ?? 0));
    expect(after.map((event) => event.type === 'caption' && event.startMs)).toEqual(turns.filter((turn) => turn.startMs >= dropAtMs).map((turn) => turn.startMs));
  });

  it('closes the ingest client with 1011 and a reason when the provider cannot be reached again', async () => {
    const subscriber = connectLive(captionsUrl(server.url, { room: 'down' }), bearer(acmeKey));
    await subscriber.opened;
    const ingest = connectLive(ingestUrl(server.url, { room: 'down', participant: 'pm' }), bearer(acmeKey));
    await ingest.opened;
    await streamChunks(ingest.ws, pcmChunks(await recordingPcm('standup-is1008b', 2000)), { end: false });
    await expect.poll(() => fake.connections[0]?.audioBytes).toBe(2000 * 32);

    await fake.close(); // the provider is gone for good: every reconnection attempt fails

    expect(await ingest.closed).toMatchObject({ code: CLOSE.providerFailed, reason: expect.stringMatching(/could not be reached again after 3 attempts/) });
    await expect.poll(() => events(subscriber).map((event) => event.type)).toEqual(expect.arrayContaining(['gap', 'ended']));
  });

  it('tells a client that sends garbage or the wrong sample rate why, and closes only that client', async () => {
    // Prepare: alice streams properly into the room.
    const subscriber = connectLive(captionsUrl(server.url, { room: 'mixed' }), bearer(acmeKey));
    await subscriber.opened;
    const alice = connectLive(ingestUrl(server.url, { room: 'mixed', participant: 'alice' }), bearer(acmeKey));
    await alice.opened;
    const chunks = pcmChunks(await recordingPcm('standup-is1008b', SECONDS));
    await streamChunks(alice.ws, chunks.slice(0, 50), { end: false });

    // Act: bob sends text that is not a control message, carol a WAV file, dave declares 12 kHz, erin an odd byte count.
    const bob = connectLive(ingestUrl(server.url, { room: 'mixed', participant: 'bob' }), bearer(acmeKey));
    await bob.opened;
    bob.ws.send('hello?');
    const carol = connectLive(ingestUrl(server.url, { room: 'mixed', participant: 'carol' }), bearer(acmeKey));
    await carol.opened;
    carol.ws.send(Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), Buffer.alloc(100)]));
    const dave = connectLive(ingestUrl(server.url, { room: 'mixed', participant: 'dave', sampleRate: '12000' }), bearer(acmeKey));
    const erin = connectLive(ingestUrl(server.url, { room: 'mixed', participant: 'erin' }), bearer(acmeKey));
    await erin.opened;
    erin.ws.send(new Uint8Array(3201));
    await streamChunks(alice.ws, chunks.slice(50));

    // Assess
    expect(await bob.closed).toMatchObject({ code: CLOSE.invalidAudio, reason: expect.stringMatching(/text messages must be/) });
    expect(await carol.closed).toMatchObject({ code: CLOSE.invalidAudio, reason: expect.stringMatching(/WAV \(RIFF\) file: send raw 16-bit/) });
    expect(await dave.closed).toMatchObject({ code: CLOSE.badRequest, reason: expect.stringMatching(/sampleRate must be one of 8000, 16000/) });
    expect(dave.messages).toEqual([{ type: 'error', code: CLOSE.badRequest, message: expect.stringMatching(/sampleRate/) }]);
    expect(await erin.closed).toMatchObject({ code: CLOSE.invalidAudio, reason: expect.stringMatching(/2-byte samples/) });
    expect((await alice.closed).code).toBe(CLOSE.normal);
    await expect.poll(() => finals(subscriber, 'alice').length).toBe(turns.length);
  });

  it('refuses callers without a valid key or ticket, and keeps tenants apart', async () => {
    // Act
    const anonymous = connectLive(captionsUrl(server.url, { room: 'standup' }));
    const wrongKey = connectLive(ingestUrl(server.url, { room: 'standup', participant: 'x' }), bearer('ak_000000000000_nope'));
    const { ticket } = (await (await fetch(`${server.url}/api/live/tickets`, { method: 'POST', headers: { ...bearer(acmeKey), 'content-type': 'application/json' }, body: JSON.stringify({ room: 'standup', purpose: 'subscribe' }) })).json()) as { ticket: string };
    const otherRoom = connectLive(captionsUrl(server.url, { room: 'elsewhere', ticket }));
    const ingestWithSubscribeTicket = connectLive(ingestUrl(server.url, { room: 'standup', ticket }));
    const acme = connectLive(captionsUrl(server.url, { room: 'standup', ticket }));
    const globex = connectLive(captionsUrl(server.url, { room: 'standup' }), bearer(globexKey));
    await Promise.all([acme.opened, globex.opened]);
    const ingest = connectLive(ingestUrl(server.url, { room: 'standup', participant: 'pm' }), bearer(acmeKey));
    await ingest.opened;
    await streamChunks(ingest.ws, pcmChunks(await recordingPcm('standup-is1008b', 6000)));
    await ingest.closed;

    // Assess
    for (const refused of [anonymous, wrongKey, otherRoom, ingestWithSubscribeTicket]) expect((await refused.closed).code).toBe(401);
    await expect.poll(() => events(acme).some((event) => event.type === 'ended')).toBe(true);
    expect(finals(acme).length).toBeGreaterThan(0);
    expect(globex.messages).toEqual([]);
    const rooms = await (await fetch(`${server.url}/api/live/rooms`, { headers: bearer(globexKey) })).json();
    expect(rooms).toMatchObject({ rooms: [] });
    expect((await fetch(`${server.url}/api/live/rooms`)).status).toBe(401);
  });

  it('carries many rooms at once, each subscriber hearing only its own room', async () => {
    // Prepare
    const rooms = Array.from({ length: 12 }, (_, i) => `room-${i}`);
    const subscribers = rooms.map((room) => connectLive(captionsUrl(server.url, { room }), bearer(acmeKey)));
    await Promise.all(subscribers.map((subscriber) => subscriber.opened));
    const pcm = pcmChunks(await recordingPcm('standup-is1008b', 10_000));

    // Act
    const ingests = rooms.map((room) => connectLive(ingestUrl(server.url, { room, participant: `speaker-of-${room}` }), bearer(acmeKey)));
    await Promise.all(ingests.map(async (ingest) => {
      await ingest.opened;
      await streamChunks(ingest.ws, pcm, { paceMs: 1 });
      await ingest.closed;
    }));
    await Promise.all(subscribers.map((subscriber) => expect.poll(() => events(subscriber).some((event) => event.type === 'ended')).toBe(true)));

    // Assess
    const expected = turns.filter((turn) => turn.endMs <= 10_000).length;
    for (const [i, subscriber] of subscribers.entries()) {
      expect(new Set(events(subscriber).map((event) => `${event.room}/${event.participant}`))).toEqual(new Set([`room-${i}/speaker-of-room-${i}`]));
      expect(finals(subscriber).length).toBeGreaterThanOrEqual(expected);
    }
    expect(fake.connections).toHaveLength(rooms.length);
  });
});
