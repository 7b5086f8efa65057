import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { importTranscript } from '../../lib/domain/transcript/importTranscript.js';
import { renderVtt } from '../../lib/domain/transcript/renderSubtitles.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const IDENTITIES: Record<string, string> = { 'Project Manager': 'laura', Marketing: 'andrew', 'Industrial Designer': 'david', 'User Interface': 'craig' };

async function signed(body: string): Promise<string> {
  const token = new AccessToken('devkey', 'secret');
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

describe('a room recorded as one track per participant (LiveKit track egress)', () => {
  let fixture: StackFixture;
  const post = async (body: string) =>
    fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: await signed(body) }, body });

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
  });
  afterAll(() => fixture.close());

  it('transcribes each track, names speakers by participant and merges them in time order when the room finishes', async () => {
    const whole = await importTranscript((await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8'), 'vtt', { meetingId: 'm', key: 'k' });
    const folder = 'rooms/standup/RM_test1/tracks/';
    for (const speaker of whole.speakers) {
      const identity = IDENTITIES[speaker.name] ?? 'someone';
      const own = { ...whole, utterances: whole.utterances.filter((u) => u.speakerId === speaker.id) };
      await fixture.stack.deps.blobs.put(`${folder}${identity}-TR_${identity}1.vtt`, renderVtt(own), 'text/vtt');
      await fixture.stack.deps.blobs.put(`${folder}${identity}-TR_${identity}1.ogg`, silentWav(1), 'audio/wav');
    }
    // Track files alone start nothing: each is a part of the meeting, not a meeting.
    expect(await fixture.stack.runner.executionsOf(deriveMeetingId(fixture.tenantId, `${folder}laura-TR_laura1.ogg`))).toEqual([]);

    const response = await post(JSON.stringify({ event: 'room_finished', id: 'EV_1', room: { sid: 'RM_test1', name: 'standup' } }));
    expect(response.status).toBe(202);
    const meeting = await fixture.waitFor(deriveMeetingId(fixture.tenantId, folder));

    expect(meeting.state).toBe('ready');
    const transcript = TranscriptSchema.parse(JSON.parse((await fixture.stack.deps.blobs.getText('rooms/standup/RM_test1/tracks.aftercall/transcript.json')) ?? ''));
    expect(transcript.speakers.map((s) => s.name).sort()).toEqual(['andrew', 'craig', 'david', 'laura']);
    expect(transcript.utterances.map((u) => u.text)).toEqual(whole.utterances.map((u) => u.text));
    const starts = transcript.utterances.map((u) => u.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(transcript.utterances.map((u) => u.id)).toEqual(transcript.utterances.map((_, i) => `u${i}`));
  });

  it('ignores the end of a room that was not recorded as tracks', async () => {
    const response = await post(JSON.stringify({ event: 'room_finished', id: 'EV_2', room: { sid: 'RM_none', name: 'composite' } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ignored: 'room has no participant tracks under rooms/composite/RM_none/tracks/' });
  });
});
