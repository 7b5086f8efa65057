import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busySpeech, LAMBDA_PAYLOAD_LIMIT_BYTES } from '../../lib/bench/callbackSizeBench.js';
import { silentWav } from '../../lib/bench/silentWav.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { resultFiles, resultKey, resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { pendingTranscriptionKey } from '../../lib/domain/workflow/steps/transcribe.js';
import { startFakeDeepgramServer, type FakeDeepgramServer } from '../support/fakes/fakeDeepgramServer.js';
import { freePort } from '../support/freePort.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// Seven and a half hours of a busy four-person meeting: Deepgram's words-only body is over 8 MB.
const HOURS = 7.5;

describe('a long recording: Deepgram PUTs its result into the bucket through a presigned URL', () => {
  let deepgram: FakeDeepgramServer;
  let fixture: StackFixture;
  const logged: string[] = [];

  beforeAll(async () => {
    deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: busySpeech(HOURS), durationSeconds: HOURS * 3600 });
    const port = await freePort();
    fixture = await startStackFixture({
      http: true,
      port,
      log: (message) => logged.push(message),
      env: {
        DEEPGRAM_API_KEY: 'dg-test-key',
        DEEPGRAM_BASE_URL: deepgram.url,
        AFTERCALL_PUBLIC_URL: `http://127.0.0.1:${port}`,
        AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-some-length',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await fixture.close();
    await deepgram.close();
  });

  it('completes the meeting from a result larger than any Lambda event, through the object-created event', async () => {
    const meeting = await fixture.process('calls/all-day.wav', silentWav(2));

    expect(meeting.state).toBe('ready');
    const submit = deepgram.requests.find((request) => request.path === '/v1/listen');
    expect(submit?.query.get('callback_method')).toBe('PUT');
    const callback = new URL(submit?.query.get('callback') ?? '');
    // The embedded S3 server, the key beside the recording, signed for an hour.
    expect(callback.origin).toBe(fixture.stack.s3.endpoint);
    expect(decodeURIComponent(callback.pathname)).toBe(`/${fixture.stack.config.AFTERCALL_BUCKET}/calls/all-day.wav.aftercall/steps/transcribe.result.json`);
    expect(callback.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(callback.searchParams.has('x-amz-checksum-crc32')).toBe(false);

    expect(deepgram.callbacks).toEqual([expect.objectContaining({ method: 'PUT', status: 200 })]);
    expect(deepgram.callbacks[0]?.bytes).toBeGreaterThan(LAMBDA_PAYLOAD_LIMIT_BYTES);

    const transcript = TranscriptSchema.parse(JSON.parse((await fixture.stack.deps.blobs.getText('calls/all-day.wav.aftercall/transcript.json')) ?? 'null'));
    expect(transcript.source.kind).toBe('deepgram');
    expect(transcript.durationMs).toBeGreaterThanOrEqual(HOURS * 3_600_000);
    expect(transcript.speakers).toHaveLength(4);
    // Read once, then gone: the canonical transcript is what stays; nothing is left waiting.
    expect(await fixture.stack.deps.blobs.head('calls/all-day.wav.aftercall/steps/transcribe.result.json')).toBeNull();
    expect(await fixture.stack.deps.blobs.head(pendingTranscriptionKey('calls/all-day.wav.aftercall/'))).toBeNull();
    expect(logged).toEqual([]);
  }, 180_000);

  it('completes nothing and starts nothing from an object at a result key when no transcription waits there', async () => {
    const key = resultKey(resultPrefixFor('calls/nobody.wav'), resultFiles.transcriptionResult);
    await fixture.stack.deps.blobs.put(key, JSON.stringify({ metadata: { request_id: 'forged' }, results: { channels: [] } }), 'application/json');

    for (let attempt = 0; attempt < 100 && !logged.some((message) => message.includes(key)); attempt += 1) await new Promise((done) => setTimeout(done, 20));
    expect(logged).toEqual([`did not complete a transcription from ${key}`]);
    expect(await getMeeting(fixture.stack.deps.blobs, fixture.tenantId, deriveMeetingId(fixture.tenantId, 'calls/nobody.wav'))).toBeNull();
    expect(await fixture.stack.deps.blobs.head(resultKey(resultPrefixFor('calls/nobody.wav'), resultFiles.transcriptJson))).toBeNull();
  });
});

describe('a request submitted before the upgrade: Deepgram POSTs to the signed callback route', () => {
  let deepgram: FakeDeepgramServer;
  let fixture: StackFixture;

  beforeAll(async () => {
    // Deepgram answers after it has fetched and transcribed the audio, never within the submitting request.
    deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: busySpeech(0.1), callbackDelayMs: 300 });
    const port = await freePort();
    const callbacks = { baseUrl: `http://127.0.0.1:${port}`, secret: 'a-callback-secret-of-some-length' };
    fixture = await startStackFixture({
      http: true,
      port,
      // As the old Transcribe did: no presigned upload, the API's POST route as the callback.
      depsOverrides: () => ({ callbacks }),
      env: { DEEPGRAM_API_KEY: 'dg-test-key', DEEPGRAM_BASE_URL: deepgram.url, AFTERCALL_PUBLIC_URL: callbacks.baseUrl, AFTERCALL_CALLBACK_SECRET: callbacks.secret },
    });
  }, 60_000);
  afterAll(async () => {
    await fixture.close();
    await deepgram.close();
  });

  it('still completes the meeting through POST /callbacks/deepgram', async () => {
    const meeting = await fixture.process('calls/in-flight.wav', silentWav(2));

    expect(meeting.state).toBe('ready');
    const submit = deepgram.requests.find((request) => request.path === '/v1/listen');
    expect(submit?.query.get('callback_method')).toBeNull();
    expect(submit?.query.get('callback')).toContain('/callbacks/deepgram?');
    expect(deepgram.callbacks).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);
  }, 120_000);
});
