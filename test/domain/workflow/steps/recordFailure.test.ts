import { describe, expect, it } from 'vitest';
import { findJson } from '../../../../lib/domain/jsonBlobs.js';
import { catalogKey, resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema } from '../../../../lib/domain/meetings/schema.js';
import { intake } from '../../../../lib/domain/workflow/steps/intake.js';
import { publish } from '../../../../lib/domain/workflow/steps/publish.js';
import { recordFailure } from '../../../../lib/domain/workflow/steps/recordFailure.js';
import { transcribe } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { at, meetingOf, RECORDING, stepWorld, storeTranscript, wavRecording } from './stepWorld.js';

const listingOf = async (world: ReturnType<typeof stepWorld>, meeting = meetingOf()) => (await findJson(world.blobs, catalogKey(meeting.tenantId, meeting.meetingId), CatalogEntrySchema))?.listing;

/** A run whose Transcribe failed: no transcript beside the recording and no provider. */
async function failedAtTranscribe(runId = 'run-1') {
  const world = stepWorld();
  const meeting = meetingOf({ runId });
  await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');
  await intake(world.deps, { meeting });
  await transcribe(world.deps, { meeting, taskToken: 't', transcriber: 'primary' }).catch(() => undefined);
  return { world, meeting };
}

describe('RecordFailure step (the state machine caught an error)', () => {
  it('marks the meeting failed, naming the step that failed, the error and the message a Lambda put in its cause', async () => {
    const { world, meeting } = await failedAtTranscribe();
    const cause = JSON.stringify({ errorType: 'NoTranscriberError', errorMessage: 'no speech-to-text provider is configured', trace: ['at transcribe (/var/task/index.mjs:1:1)'] });

    const status = await recordFailure(world.deps, { meeting, error: { Error: 'NoTranscriberError', Cause: cause } });

    const expected = { state: 'failed', runId: 'run-1', error: { step: 'transcribe', name: 'NoTranscriberError', message: 'no speech-to-text provider is configured' } };
    expect(status).toMatchObject(expected);
    expect(await findJson(world.blobs, at(resultFiles.status), MeetingStatusSchema)).toMatchObject(expected);
    // The stack trace is the operator's, not the user's.
    expect(world.blobs.objects.get(at(resultFiles.status))).not.toContain('/var/task');
    expect(await listingOf(world)).toMatchObject({ state: 'failed', error: expected.error });
  });

  it("takes the local runner's bare cause as the message, and says so when there is none", async () => {
    const { world, meeting } = await failedAtTranscribe();
    expect((await recordFailure(world.deps, { meeting, error: { Error: 'States.Timeout', Cause: 'Task timed out after 900 s' } })).error).toEqual({ step: 'transcribe', name: 'States.Timeout', message: 'Task timed out after 900 s' });
    expect((await recordFailure(world.deps, { meeting, error: { Error: 'States.Runtime' } })).error?.message).toBe('no details');
    expect((await recordFailure(world.deps, { meeting, error: { Error: 'States.Runtime', Cause: '' } })).error?.message).toBe('no details');
  });

  it("names no step when none of this run's steps failed (the state machine itself failed), and ignores an earlier run's failures", async () => {
    const { world } = await failedAtTranscribe('run-1');
    const meeting = meetingOf({ runId: 'run-2' });

    expect((await recordFailure(world.deps, { meeting, error: { Error: 'States.Runtime', Cause: 'bad path' } })).error?.step).toBeNull();
  });

  it('leaves every result as it was, and a rerun that fails keeps the earlier published meeting readable', async () => {
    const world = await publishedRun();
    const meeting = meetingOf({ runId: 'run-2' });
    await intake(world.deps, { meeting });
    const before = new Map(world.blobs.objects);

    await recordFailure(world.deps, { meeting, error: { Error: 'ProviderUnavailableError', Cause: 'openai 503' } });

    const changed = [...before].filter(([key, text]) => world.blobs.objects.get(key) !== text).map(([key]) => key);
    expect(changed.sort()).toEqual([catalogKey('acme', meeting.meetingId), at(resultFiles.status)].sort());
    // The manifest is of an earlier run: the list says failed, with the speakers its transcript has.
    expect(await listingOf(world, meeting)).toMatchObject({ state: 'failed', speakers: ['Laura', 'Ahmed'] });
    expect(await world.blobs.head(at(resultFiles.manifest))).not.toBeNull();
  });

  it('lists a run that failed after its own Publish wrote the manifest as ready', async () => {
    const world = await publishedRun();

    await recordFailure(world.deps, { meeting: meetingOf(), error: { Error: 'ProviderUnavailableError', Cause: 'sqs 503' } });

    expect((await findJson(world.blobs, at(resultFiles.status), MeetingStatusSchema))?.state).toBe('failed');
    expect(await listingOf(world)).toMatchObject({ state: 'ready' });
  });
});

/** run-1 published: its transcript (imported beside the recording) and its manifest. */
async function publishedRun() {
  const world = stepWorld();
  const meeting = meetingOf();
  await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');
  await intake(world.deps, { meeting });
  await storeTranscript(world.blobs, meeting);
  await publish(world.deps, { meeting, results: {} });
  return world;
}
