import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedEgressEndedWebhook } from '../../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/** A meeting whose recording or transcript arrives late, or is replaced: each new version is a new run. */
describe('runs keyed by the version of the files', () => {
  let fixture: StackFixture;
  let audio: Buffer;
  let vtt: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { AFTERCALL_RECORDING_WAIT_SECONDS: '3' } });
    audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
  });
  afterAll(() => fixture.close());

  const put = (key: string, body: string | Uint8Array) => fixture.stack.deps.blobs.put(key, body, 'application/octet-stream');

  /** The S3 event of an upload starts its run asynchronously: wait until the meeting has had `count` runs, then for them to end. */
  const afterRuns = async (meetingId: string, count: number) => {
    for (let attempt = 0; attempt < 200 && (await fixture.stack.runner.executionsOf(meetingId)).length < count; attempt += 1) await new Promise((done) => setTimeout(done, 25));
    return fixture.waitFor(meetingId);
  };

  const sendEgressEnded = async (key: string): Promise<Response> => {
    const webhook = await signedEgressEndedWebhook({ apiKey: 'devkey', apiSecret: 'secret', bucket: fixture.stack.config.AFTERCALL_BUCKET, key, roomName: 'late' });
    return fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { 'Content-Type': 'application/webhook+json', Authorization: webhook.authorization }, body: webhook.body });
  };

  it('retries a meeting that failed on a 0-byte recording once the real recording is written at the same key', async () => {
    const key = 'calls/zero-then-real.ogg';
    const failed = await fixture.process(key, new Uint8Array(), { ext: 'vtt', text: vtt });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/is empty \(0 bytes\)/);

    await put(key, audio);
    const retried = await afterRuns(failed.meetingId, 2);

    // Same meeting (the API link does not change), a new run.
    expect(retried.meetingId).toBe(failed.meetingId);
    expect(retried.state).toBe('ready');
    expect(retried.error).toBeNull();
    expect(retried.manifest?.runId).not.toBe(failed.manifest?.runId);
    expect(await fixture.stack.runner.executionsOf(failed.meetingId)).toHaveLength(2);
  });

  it('runs again when the transcript beside the recording is replaced, and not when the same file is announced again', async () => {
    const key = 'calls/bad-then-good-transcript.ogg';
    const failed = await fixture.process(key, audio, { ext: 'vtt', text: '\u0000 not a transcript' });
    expect(failed.error).toMatchObject({ step: 'transcribe', name: 'InvalidTranscriptError' });

    await put('calls/bad-then-good-transcript.vtt', vtt);
    const ready = await afterRuns(failed.meetingId, 2);
    expect(ready.state).toBe('ready');
    expect(ready.manifest?.counts.utterances).toBe(45);
    const runs = await fixture.stack.runner.executionsOf(failed.meetingId);
    expect(runs).toHaveLength(2);

    // The same versions announced again (a repeated webhook) start nothing.
    const again = await sendEgressEnded(key);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ meetings: [{ meetingId: failed.meetingId, alreadyStarted: true }] });
    expect(await fixture.stack.runner.executionsOf(failed.meetingId)).toEqual(runs);
  });

  it('waits for a recording whose webhook came before the file, and runs it once', async () => {
    const key = 'calls/webhook-first.ogg';
    await put('calls/webhook-first.vtt', vtt);
    const response = sendEgressEnded(key);
    await new Promise((done) => setTimeout(done, 500));
    await put(key, audio);

    expect((await response).status).toBe(202);
    const meeting = await fixture.waitFor(deriveMeetingId(fixture.tenantId, key));
    expect(meeting.state).toBe('ready');
    // The webhook's start and the upload's S3 event found the same run.
    expect(await fixture.stack.runner.executionsOf(meeting.meetingId)).toHaveLength(1);
  });

  it('fails loudly when the recording is still missing after the wait, and runs when it finally arrives', async () => {
    const key = 'calls/webhook-long-before.ogg';
    const meetingId = deriveMeetingId(fixture.tenantId, key);
    const started = Date.now();
    expect((await sendEgressEnded(key)).status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    const failed = await fixture.waitFor(meetingId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'intake', name: 'RecordingNotFoundError' });

    await put('calls/webhook-long-before.vtt', vtt);
    await put(key, audio);
    const ready = await afterRuns(meetingId, 2);
    expect(ready.state).toBe('ready');
    expect(await fixture.stack.runner.executionsOf(meetingId)).toHaveLength(2);
  });

  it('lets the run of a newer recording wait for the run still writing the meeting, then publish the newer one', async () => {
    const key = 'calls/replaced-mid-run.ogg';
    await put('calls/replaced-mid-run.vtt', vtt);
    await put(key, audio);
    // Replaced while the first run is (most likely) still going: the second run's Intake waits for it.
    const shorter = vtt.split('\n\n').slice(0, 6).join('\n\n');
    await put('calls/replaced-mid-run.vtt', shorter);
    const meeting = await afterRuns(deriveMeetingId(fixture.tenantId, key), 2);
    const runs = await fixture.stack.runner.executionsOf(meeting.meetingId);
    expect(runs).toHaveLength(2);
    expect(meeting.state).toBe('ready');
    expect(meeting.manifest?.runId).toBe(runs[1]);
    expect(meeting.manifest?.counts.utterances).toBe(5);
  });
});
