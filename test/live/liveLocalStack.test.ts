import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEAKING_TEXT } from '../../lib/adapters/offline/SpeechActivityTranscriber.js';
import { CLOSE } from '../../lib/app/live/closeCodes.js';
import { LiveCaptionsFileSchema } from '../../lib/domain/live/saveLiveCaptions.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { captionsUrl, connectLive, events, finals, ingestUrl, streamChunks } from './support/liveClients.js';
import { pcmChunks, sampleTurns, recordingPcm } from './support/sampleSpeech.js';

let fixture: StackFixture;
let url: string;
let key: string;

beforeAll(async () => {
  fixture = await startStackFixture({ http: true, port: 0 });
  url = fixture.stack.httpUrl ?? '';
  key = await fixture.apiKey({ role: 'member' });
});
afterAll(() => fixture.close());

const ticket = async (body: object): Promise<string> => {
  const response = await fetch(`${url}/api/live/tickets`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { ticket: string }).ticket;
};

describe('live captions in the local stack, without keys', () => {
  it('runs end to end on the offline speech-activity stand-in, with browser tickets, and saves the captions beside the recording', async () => {
    // Prepare: the first 15 s of the kickoff sample's speech, streamed by a "browser" holding only tickets.
    const turns = await sampleTurns('kickoff-es2002a', 15_000);
    const subscriber = connectLive(captionsUrl(url, { room: 'kickoff', ticket: await ticket({ room: 'kickoff', purpose: 'subscribe' }) }));
    await subscriber.opened;
    const ingest = connectLive(ingestUrl(url, { room: 'kickoff', ticket: await ticket({ room: 'kickoff', purpose: 'ingest', participant: 'Project Manager' }) }));
    await ingest.opened;

    // Act
    await streamChunks(ingest.ws, pcmChunks(await recordingPcm('kickoff-es2002a', 15_000)));
    expect((await ingest.closed).code).toBe(CLOSE.normal);
    await expect.poll(() => events(subscriber).some((event) => event.type === 'ended')).toBe(true);
    await fixture.stack.live?.settled();

    // Assess: one final "speaking, not captioned" per stretch of speech, labelled as the stand-in, under the ticket's participant.
    const said = finals(subscriber);
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((event) => event.type === 'caption' && event.text === SPEAKING_TEXT && event.source === 'offline:speech-activity' && event.participant === 'Project Manager')).toBe(true);
    const first = said[0];
    expect(first?.type === 'caption' && Math.abs(first.startMs - (turns[0]?.startMs ?? 0))).toBeLessThanOrEqual(100);
    const saved = LiveCaptionsFileSchema.parse(JSON.parse((await fixture.stack.deps.blobs.getText('recordings/kickoff.ogg.aftercall/live-captions.json')) ?? 'null'));
    expect(saved).toMatchObject({ source: 'live', room: 'kickoff' });
    expect(saved.events).toHaveLength(said.length);
  });

  it('leaves the rest of /api as it was: a key is still required', async () => {
    expect((await fetch(`${url}/api/meetings`)).status).toBe(401);
    expect((await fetch(`${url}/api/live/rooms`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });
});
