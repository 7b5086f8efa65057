import { describe, expect, it } from 'vitest';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { putJson } from '../../../../lib/domain/jsonBlobs.js';
import { checkTranscription } from '../../../../lib/domain/workflow/steps/checkTranscription.js';
import { pendingTranscriptionKey, transcribe } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { at, CallbackScriptedTranscriber, meetingOf, PREFIX, RECORDING, stepStatusOf, stepWorld, storeTranscript, transcriptFor } from './stepWorld.js';

const WAIT = 900;

/** A run whose Transcribe handed the recording to a provider that posts back later. */
async function submittedRun(runId = 'run-1') {
  const world = stepWorld({ transcriber: new CallbackScriptedTranscriber('deepgram:nova-3', () => transcriptFor(meetingOf())), callbacks: { baseUrl: 'https://aftercall.example.com', secret: 's' } });
  await transcribe(world.deps, { meeting: meetingOf({ runId }), taskToken: 'token-1', transcriber: 'primary' });
  return world;
}

describe('CheckTranscription step (the Transcribe task timed out)', () => {
  it('lets the run go on with the transcript this run stored as the wait ended', async () => {
    const world = await submittedRun();
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);
    await putJson(world.blobs, at(resultFiles.stepStatus('transcribe')), { schemaVersion: 1, step: 'transcribe', runId: 'run-1', state: 'succeeded', startedAt: 'a', finishedAt: 'b', detail: null });

    const result = await checkTranscription(world.deps, { meeting, waitSeconds: WAIT });

    expect(result).toEqual({ transcriptKey: at(resultFiles.transcriptJson), source: 'import:vtt', utterances: 4, speakers: 2, durationMs: 40_000 });
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'succeeded' });
  });

  it('fails the run naming the provider and the request that never answered, and forgets the request so a late callback completes nothing', async () => {
    const world = await submittedRun();

    await expect(checkTranscription(world.deps, { meeting: meetingOf(), waitSeconds: WAIT })).rejects.toMatchObject({
      name: 'TranscriptionLostError',
      message: `deepgram:nova-3 accepted ${RECORDING} (request req-1) but posted no transcript within ${WAIT} s; nothing was resubmitted (reprocess the meeting to try again)`,
    });

    expect(await world.blobs.head(pendingTranscriptionKey(PREFIX))).toBeNull();
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'failed', detail: expect.stringMatching(/^TranscriptionLostError: deepgram:nova-3 accepted/) });
    // Nothing was sent to the provider again.
    expect(world.taskTokens.succeeded).toEqual([]);
  });

  it("leaves another run's waiting request alone, and does not take an earlier run's transcript for this run's", async () => {
    const world = await submittedRun('run-1');
    const meeting = meetingOf({ runId: 'run-2' });
    await storeTranscript(world.blobs, meeting);
    await putJson(world.blobs, at(resultFiles.stepStatus('transcribe')), { schemaVersion: 1, step: 'transcribe', runId: 'run-1', state: 'succeeded', startedAt: 'a', finishedAt: 'b', detail: null });

    await expect(checkTranscription(world.deps, { meeting, waitSeconds: WAIT })).rejects.toMatchObject({
      name: 'TranscriptionLostError',
      message: expect.stringMatching(new RegExp(`^no transcript of ${RECORDING.replace(/\./g, '\\.')} within ${WAIT} s;`)),
    });

    expect(await world.blobs.head(pendingTranscriptionKey(PREFIX))).not.toBeNull();
  });

  it('fails on a corrupt transcript status instead of reading it as absent', async () => {
    const world = await submittedRun();
    await world.blobs.put(at(resultFiles.stepStatus('transcribe')), '{"state": "succ', 'application/json');

    await expect(checkTranscription(world.deps, { meeting: meetingOf(), waitSeconds: WAIT })).rejects.toMatchObject({ name: 'CorruptResultError' });
    expect(await world.blobs.head(pendingTranscriptionKey(PREFIX))).not.toBeNull();
  });
});
