import { DeepgramClient } from '@deepgram/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeepgramLiveTranscriber } from '../../lib/adapters/deepgram/DeepgramLiveTranscriber.js';
import { createDeepgramClient } from '../../lib/adapters/deepgram/createDeepgramClient.js';
import type { LiveTranscript } from '../../lib/domain/live/LiveTranscriber.js';
import { startFakeDeepgramLiveServer, type FakeDeepgramLiveServer } from '../support/fakes/fakeDeepgramLiveServer.js';
import { pcmChunks, sampleTurns, recordingPcm, type SampleTurn } from './support/sampleSpeech.js';

const KEY = 'dg-live-test-key';
let fake: FakeDeepgramLiveServer;
let turns: SampleTurn[];

beforeEach(async () => {
  turns = await sampleTurns('standup-is1008b', 12_000);
  fake = await startFakeDeepgramLiveServer({ apiKey: KEY, turns });
});
afterEach(() => fake.close());

const transcriber = (apiKey = KEY) => new DeepgramLiveTranscriber(createDeepgramClient({ apiKey, baseUrl: fake.url }), { model: 'nova-3' });

describe('DeepgramLiveTranscriber through @deepgram/sdk', () => {
  it('asks for linear16 mono with interim results, endpointing, smart formatting, utterance ends and VAD events, authenticated by token', async () => {
    // Prepare
    const seen: LiveTranscript[] = [];
    // Act
    const stream = await transcriber().open({ sampleRate: 16000, language: 'en' }, { onTranscript: (t) => seen.push(t), onLost: () => undefined });
    for (const chunk of pcmChunks(await recordingPcm('standup-is1008b', 12_000))) stream.send(chunk);
    await stream.finish();
    // Assess
    const [connection] = fake.connections;
    expect(connection?.authorization).toBe(`Token ${KEY}`);
    expect(Object.fromEntries(connection?.query ?? [])).toMatchObject({
      model: 'nova-3',
      encoding: 'linear16',
      sample_rate: '16000',
      channels: '1',
      interim_results: 'true',
      smart_format: 'true',
      endpointing: '300',
      utterance_end_ms: '1000',
      vad_events: 'true',
      language: 'en',
    });
    expect(connection?.controls).toContain('CloseStream');
    const finals = seen.filter((t) => t.kind === 'final');
    expect(finals.map((t) => t.text)).toEqual(turns.map((turn) => turn.text));
    expect(finals[1]).toMatchObject({ startMs: turns[1]?.startMs, endMs: turns[1]?.endMs });
    expect(seen.some((t) => t.kind === 'interim')).toBe(true);
  });

  it('reports a connection dropped mid-stream once, and does not reconnect by itself', async () => {
    const lost: string[] = [];
    const stream = await transcriber().open({ sampleRate: 16000, language: null }, { onTranscript: () => undefined, onLost: (reason) => lost.push(reason) });
    stream.send(new Uint8Array(3200));
    fake.dropAll();
    await expect.poll(() => lost.length).toBe(1);
    stream.send(new Uint8Array(3200)); // after the loss: ignored, not thrown
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lost).toHaveLength(1);
    expect(fake.connections).toHaveLength(1);
    stream.abort();
  });

  it('keeps a quiet stream open with KeepAlive messages', async () => {
    const quiet = new DeepgramLiveTranscriber(createDeepgramClient({ apiKey: KEY, baseUrl: fake.url }), { keepAliveMs: 20 });
    const stream = await quiet.open({ sampleRate: 16000, language: null }, { onTranscript: () => undefined, onLost: () => undefined });
    await expect.poll(() => fake.connections[0]?.controls.filter((type) => type === 'KeepAlive').length).toBeGreaterThanOrEqual(2);
    stream.abort();
  });

  it('the fake answers Finalize with the turn in progress as a final result marked from_finalize', async () => {
    // Prepare: the SDK's socket directly, as Finalize is not something the relay sends.
    const socket = await new DeepgramClient({ apiKey: KEY, baseUrl: fake.url }).listen.v1.connect({ model: 'nova-3', encoding: 'linear16', sample_rate: 16000, channels: 1, interim_results: 'true', reconnectAttempts: 0 });
    const messages: unknown[] = [];
    socket.on('message', (message) => messages.push(message));
    socket.connect();
    await socket.waitForOpen();
    const first = turns[0];
    // Act: half of the first turn, then Finalize.
    for (const chunk of pcmChunks(await recordingPcm('standup-is1008b', ((first?.startMs ?? 0) + (first?.endMs ?? 0)) / 2))) socket.sendMedia(chunk);
    socket.sendFinalize({ type: 'Finalize' });
    // Assess
    await expect.poll(() => messages.some((m) => (m as { from_finalize?: boolean }).from_finalize === true)).toBe(true);
    const final = messages.find((m) => (m as { from_finalize?: boolean }).from_finalize === true);
    expect(final).toMatchObject({ type: 'Results', is_final: true, speech_final: false, channel: { alternatives: [{ transcript: expect.any(String) }] } });
    socket.close();
  });

  it('fails to open with a wrong key (Deepgram refuses the upgrade with 401)', async () => {
    await expect(transcriber('wrong').open({ sampleRate: 16000, language: null }, { onTranscript: () => undefined, onLost: () => undefined })).rejects.toThrow();
    expect(fake.connections).toHaveLength(0);
  });
});
