import { describe, expect, it } from 'vitest';
import { createDeepgramClient } from '../../../lib/adapters/deepgram/createDeepgramClient.js';
import { DeepgramTranscriber } from '../../../lib/adapters/deepgram/DeepgramTranscriber.js';
import { LocalTaskTokens } from '../../../lib/adapters/stepfunctions/LocalTaskTokens.js';
import { resultFiles, resultKey, resultPrefixFor } from '../../../lib/domain/meetings/resultKeys.js';
import type { MeetingContext } from '../../../lib/domain/meetings/schema.js';
import { StaleCallbackError } from '../../../lib/domain/transcriptionCallback/completeTranscriptionCallback.js';
import { completeTranscriptionResult } from '../../../lib/domain/transcriptionCallback/completeTranscriptionResult.js';
import { pendingTranscriptionKey } from '../../../lib/domain/workflow/steps/transcribe.js';
import { listenResponse } from '../../support/fakes/deepgramListenResponse.js';
import { MemoryBlobStore } from '../../support/memoryBlobStore.js';

const RECORDING = 'calls/review.ogg';
const PREFIX = resultPrefixFor(RECORDING);
const RESULT = resultKey(PREFIX, resultFiles.transcriptionResult);
const meeting: MeetingContext = {
  tenantId: 'demo',
  meetingId: 'mtg_0123456789abcdef01234567',
  recordingKey: RECORDING,
  resultPrefix: PREFIX,
  runId: 'run-2',
  resumeFrom: 'transcribe',
  targetLanguages: [],
  piiRedaction: [],
  recordedAt: '2026-11-29T10:00:00.000Z',
  trigger: 's3',
};

/** Deepgram's words-only body for one short turn, as the fake server sends it. */
const deepgramBody = (requestId: string) =>
  listenResponse(
    [{ speaker: 0, text: 'Let us ship it.', startMs: 0, endMs: 1500 }],
    { model: 'nova-3', diarize: true, utterances: false, punctuate: true, smartFormat: true, paragraphs: false, detectLanguage: true, redact: [], extra: { meeting_id: meeting.meetingId } },
    { requestId, durationSeconds: 1.5, detectedLanguage: 'en', audioDigest: 'x' },
  );

function world() {
  const blobs = new MemoryBlobStore();
  const taskTokens = new LocalTaskTokens();
  // The client is never called: mapping a result needs no request.
  const transcriber = new DeepgramTranscriber(createDeepgramClient({ apiKey: 'dg-key', baseUrl: 'http://127.0.0.1:9' }), { recording: { getBytes: async () => null } });
  const deps = { blobs, taskTokens, clock: () => new Date(), transcriber, secondaryTranscriber: null };
  const waitPending = (requestId: string) => blobs.put(pendingTranscriptionKey(PREFIX), JSON.stringify({ meeting, taskToken: 'token-2', requestId, transcriber: 'primary', provider: transcriber.name }));
  return { blobs, taskTokens, deps, waitPending };
}

describe('completeTranscriptionResult', () => {
  it('stores the transcript, completes the task and removes the pending record and the raw result', async () => {
    const { blobs, taskTokens, deps, waitPending } = world();
    await waitPending('req-2');
    const completed = taskTokens.expect('token-2');
    await blobs.put(RESULT, JSON.stringify(deepgramBody('req-2')));

    expect(await completeTranscriptionResult(deps, RESULT)).toEqual({ meetingId: meeting.meetingId });
    expect(await completed).toMatchObject({ transcriptKey: `${PREFIX}transcript.json`, utterances: 1 });
    expect(await blobs.head(pendingTranscriptionKey(PREFIX))).toBeNull();
    expect(await blobs.head(RESULT)).toBeNull();
  });

  it("completes nothing with an earlier request's late result, and leaves the waiting request as it is", async () => {
    const { blobs, taskTokens, deps, waitPending } = world();
    await waitPending('req-2');
    let settled = false;
    void taskTokens.expect('token-2').then(() => (settled = true), () => (settled = true));
    await blobs.put(RESULT, JSON.stringify(deepgramBody('req-1')));

    await expect(completeTranscriptionResult(deps, RESULT)).rejects.toThrow(new StaleCallbackError(`${RESULT} holds request req-1, not the waiting request req-2: nothing completed`));
    await new Promise((done) => setTimeout(done, 10));
    expect(settled).toBe(false);
    expect(await blobs.head(pendingTranscriptionKey(PREFIX))).not.toBeNull();
    expect(await blobs.head(resultKey(PREFIX, resultFiles.transcriptJson))).toBeNull();
  });

  it('completes nothing when no transcription waits beside the result, or the body names no request', async () => {
    const { blobs, deps, waitPending } = world();
    await blobs.put(RESULT, JSON.stringify(deepgramBody('req-2')));
    await expect(completeTranscriptionResult(deps, RESULT)).rejects.toThrow(StaleCallbackError);

    await waitPending('req-2');
    await blobs.put(RESULT, 'not json');
    await expect(completeTranscriptionResult(deps, RESULT)).rejects.toThrow(`${RESULT} holds no request id, not the waiting request req-2: nothing completed`);
    expect(await blobs.head(resultKey(PREFIX, resultFiles.transcriptJson))).toBeNull();
  });

  it('fails the task when Deepgram PUT an error instead of a transcript for the waiting request', async () => {
    const { blobs, taskTokens, deps, waitPending } = world();
    await waitPending('req-2');
    const completed = taskTokens.expect('token-2');
    await blobs.put(RESULT, JSON.stringify({ err_code: 'Bad Request', err_msg: 'failed to process audio: corrupt or unsupported data', request_id: 'req-2' }));

    await expect(completeTranscriptionResult(deps, RESULT)).rejects.toThrow('callback body is not a transcript');
    await expect(completed).rejects.toMatchObject({ name: 'UnsupportedRecordingError' });
  });
});
