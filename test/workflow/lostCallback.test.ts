import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { TranscriptionLostError } from '../../lib/domain/errors.js';
import { startFakeDeepgramServer, type FakeDeepgramServer } from '../support/fakes/fakeDeepgramServer.js';
import { freePort } from '../support/freePort.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const WAIT_FLOOR_SECONDS = 2;

describe('a Deepgram callback that never arrives', () => {
  let deepgram: FakeDeepgramServer;
  let fixture: StackFixture;

  beforeAll(async () => {
    // Deepgram accepts the recording and would post the result in ten minutes: as good as lost.
    deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: [{ speaker: 0, text: 'Hello there.', startMs: 0, endMs: 1500 }], callbackDelayMs: 600_000 });
    const port = await freePort();
    fixture = await startStackFixture({
      http: true,
      port,
      env: {
        DEEPGRAM_API_KEY: 'dg-test-key',
        DEEPGRAM_BASE_URL: deepgram.url,
        AFTERCALL_PUBLIC_URL: `http://127.0.0.1:${port}`,
        AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-some-length',
        AFTERCALL_TRANSCRIPTION_WAIT_FLOOR_SECONDS: String(WAIT_FLOOR_SECONDS),
      },
    });
  });
  afterAll(async () => {
    await fixture.close();
    await deepgram.close();
  });

  it('fails the run when the result is due, naming the request, without resubmitting the paid job', async () => {
    const started = Date.now();
    const meeting = await fixture.process('calls/lost.wav', silentWav(2));
    const seconds = (Date.now() - started) / 1000;

    expect(meeting.state).toBe('failed');
    const submits = deepgram.requests.filter((request) => request.path === '/v1/listen');
    expect(submits).toHaveLength(1);
    expect(meeting.error).toEqual({
      step: 'transcribe',
      name: new TranscriptionLostError('').name,
      message: expect.stringMatching(new RegExp(`^deepgram:nova-3 accepted calls/lost\\.wav \\(request [0-9a-f-]{36}\\) but posted no transcript within \\d+ s; nothing was resubmitted`)),
    });
    // Noticed when due (the floor, as the recording is tiny), not after 4 × 4 hours.
    expect(seconds).toBeLessThan(WAIT_FLOOR_SECONDS + 15);
    // A callback arriving now finds nothing waiting.
    expect(await fixture.stack.deps.blobs.head('calls/lost.wav.aftercall/steps/transcribe.pending.json')).toBeNull();
  });
});
