import { describe, expect, it } from 'vitest';
import { catalogKey, resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema } from '../../../../lib/domain/meetings/schema.js';
import { findJson, putJson } from '../../../../lib/domain/jsonBlobs.js';
import { ManifestSchema } from '../../../../lib/domain/meetings/manifestSchema.js';
import { indexStep } from '../../../../lib/domain/workflow/steps/indexStep.js';
import { intake } from '../../../../lib/domain/workflow/steps/intake.js';
import { publish } from '../../../../lib/domain/workflow/steps/publish.js';
import { transcribe } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { understand } from '../../../../lib/domain/workflow/steps/understand.js';
import { FaultyBlobStore } from '../../../support/faultyBlobStore.js';
import { MemoryBlobStore } from '../../../support/memoryBlobStore.js';
import { writeMeetingStatus } from '../../../../lib/domain/workflow/meetingStatus.js';
import { at, meetingOf, ScriptedTranscriber, stepStatusOf, stepWorld, storeTranscript, transcriptFor, wavRecording, RECORDING, TENANT } from './stepWorld.js';

const statusOf = (world: ReturnType<typeof stepWorld>, meeting = meetingOf()) => findJson(world.blobs, `${meeting.resultPrefix}${resultFiles.status}`, MeetingStatusSchema);
const catalogOf = (world: ReturnType<typeof stepWorld>, meeting = meetingOf()) => findJson(world.blobs, catalogKey(meeting.tenantId, meeting.meetingId), CatalogEntrySchema);

describe('Intake step', () => {
  it('checks the recording is media, marks the meeting running in its status and the catalog, and says how long Transcribe may wait', async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    const recording = wavRecording(2);
    await world.blobs.put(RECORDING, recording, 'audio/wav');

    const result = await intake(world.deps, { meeting });

    // The 60 s floor, and a second more for two seconds of audio (rounded up).
    expect(result).toEqual({ recording: { key: RECORDING, bytes: recording.byteLength, mime: 'audio/wav' }, transcribeWaitSeconds: 61 });
    expect(await statusOf(world)).toMatchObject({ state: 'running', runId: 'run-1', meetingId: meeting.meetingId, tenantId: TENANT, error: null });
    expect(await catalogOf(world)).toMatchObject({ recordingKey: RECORDING, resultPrefix: meeting.resultPrefix, listing: { state: 'processing' } });
    expect(await stepStatusOf(world.blobs, 'intake')).toMatchObject({ step: 'intake', state: 'succeeded', runId: 'run-1', attempt: 1, detail: null });
    // The recording itself is never modified.
    expect(await world.blobs.getBytes(RECORDING)).toEqual(recording);
  });

  it('scales the wait to the recording beyond the floor (a larger file may be a longer call)', async () => {
    const world = stepWorld({ limits: { maxRecordingBytes: 1e8, transcriptionWaitFloorSeconds: 60 } });
    // A minute of 8 kHz 16-bit PCM: up to a minute at PCM's lowest bitrate, 300 s of waiting per audio hour.
    await world.blobs.put(RECORDING, wavRecording(60), 'audio/wav');

    const { transcribeWaitSeconds } = await intake(world.deps, { meeting: meetingOf() });

    expect(transcribeWaitSeconds).toBe(66);
  });

  it('clears the statuses of the steps this run redoes and keeps the results until they are overwritten', async () => {
    const world = stepWorld();
    const meeting = meetingOf({ runId: 'run-2', resumeFrom: 'understand' });
    await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');
    await storeTranscript(world.blobs, meeting);
    for (const step of ['intake', 'transcribe', 'translate.fr', 'understand', 'index', 'publish']) {
      await putJson(world.blobs, at(resultFiles.stepStatus(step)), { schemaVersion: 1, step: step.split('.')[0], runId: 'run-1', state: 'succeeded', startedAt: 'x', finishedAt: 'y', detail: null });
    }

    await intake(world.deps, { meeting });

    const statuses = (await world.blobs.list(at('steps/'))).map((key) => key.slice(at('steps/').length));
    // Understanding again keeps the transcript and the translations of the earlier run.
    expect(statuses).toEqual(['intake.json', 'transcribe.json', 'translate.fr.json']);
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ runId: 'run-1' });
    expect(await world.blobs.head(at(resultFiles.transcriptJson))).not.toBeNull();
  });

  it('refuses to start while another run of the meeting is writing its results, and writes nothing', async () => {
    const world = stepWorld();
    const meeting = meetingOf({ runId: 'run-2' });
    await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');
    await writeMeetingStatus(world.deps, meetingOf({ runId: 'run-1' }), 'running', '2026-11-23T09:00:00.000Z');
    const before = await world.blobs.list('');

    await expect(intake(world.deps, { meeting })).rejects.toMatchObject({ name: 'MeetingRunInProgressError', message: expect.stringContaining('run run-1') });

    expect(await world.blobs.list('')).toEqual(before);
    expect(await statusOf(world)).toMatchObject({ runId: 'run-1', state: 'running' });
  });

  it("goes ahead when the running status is this run's own (a retried Intake)", async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    await expect(intake(world.deps, { meeting })).rejects.toMatchObject({ name: 'RecordingNotFoundError' });
    await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');

    await intake(world.deps, { meeting });

    expect(await stepStatusOf(world.blobs, 'intake')).toMatchObject({ state: 'succeeded', runId: 'run-1' });
    expect(await statusOf(world)).toMatchObject({ state: 'running', runId: 'run-1' });
  });

  it("counts a retried Intake's attempt in its status and in the run's manifest, as other steps' retries are", async () => {
    const stored = new MemoryBlobStore();
    const blobs = new FaultyBlobStore(stored);
    const meeting = meetingOf({ targetLanguages: [] });
    const world = stepWorld({ blobs, transcriber: new ScriptedTranscriber('deepgram:nova-3', () => transcriptFor(meeting)) });
    await blobs.put(RECORDING, wavRecording(), 'audio/wav');
    // S3 briefly unavailable while Intake checks the recording: the state machine retries the step.
    blobs.failReads(RECORDING, { afterWriteOf: at(resultFiles.stepStatus('intake')) });

    await expect(intake(world.deps, { meeting })).rejects.toMatchObject({ name: 'BlobStoreUnavailableError' });
    expect(await stepStatusOf(stored, 'intake')).toMatchObject({ state: 'failed', runId: 'run-1', attempt: 1 });
    await intake(world.deps, { meeting });
    expect(await stepStatusOf(stored, 'intake')).toMatchObject({ state: 'succeeded', runId: 'run-1', attempt: 2 });

    await transcribe(world.deps, { meeting, taskToken: 't', transcriber: 'primary' });
    await understand(world.deps, { meeting });
    const index = await indexStep(world.deps, { meeting });
    await publish(world.deps, { meeting, results: { index } });
    const manifest = await findJson(blobs, at(resultFiles.manifest), ManifestSchema);
    expect(manifest?.steps.map((step) => [step.name, step.attempt]).sort()).toEqual([['index', 1], ['intake', 2], ['transcribe', 1], ['understand', 1]]);
    expect(manifest?.retries).toBe(1);
  });

  it('starts counting again in a new run of the meeting, whatever the last run of Intake was', async () => {
    const world = stepWorld();
    await expect(intake(world.deps, { meeting: meetingOf() })).rejects.toMatchObject({ name: 'RecordingNotFoundError' });
    // As RecordFailure leaves a run that failed for good.
    await writeMeetingStatus(world.deps, meetingOf(), 'failed', '2026-11-23T09:00:00.000Z');
    await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');

    await intake(world.deps, { meeting: meetingOf({ runId: 'run-2' }) });

    expect(await stepStatusOf(world.blobs, 'intake')).toMatchObject({ state: 'succeeded', runId: 'run-2', attempt: 1 });
  });

  it.each([
    ['a missing recording', null, 'RecordingNotFoundError', `recording ${RECORDING} does not exist in the blob store`],
    ['an empty recording', new Uint8Array(), 'UnsupportedRecordingError', 'is empty (0 bytes)'],
    ['a text file named .wav', new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n'), 'UnsupportedRecordingError', 'is not an audio or video file'],
    ['a recording over the limit', wavRecording(70), 'RecordingTooLargeError', 'AFTERCALL_MAX_RECORDING_BYTES'],
  ])('fails on %s with a final error the status names, and still lists the meeting', async (_what, bytes, name, message) => {
    const world = stepWorld();
    if (bytes !== null) await world.blobs.put(RECORDING, bytes, 'audio/wav');

    await expect(intake(world.deps, { meeting: meetingOf() })).rejects.toMatchObject({ name, message: expect.stringContaining(message) });

    expect(await stepStatusOf(world.blobs, 'intake')).toMatchObject({ state: 'failed', detail: expect.stringContaining(`${name}: `) });
    expect(await catalogOf(world)).toMatchObject({ listing: { state: 'processing' } });
  });

  describe('a folder of participant tracks', () => {
    const FOLDER = 'rooms/standup/RM_1/tracks/';

    it('checks every track and reports them, their bytes summed', async () => {
      const world = stepWorld();
      const meeting = meetingOf({ recordingKey: FOLDER });
      const ann = wavRecording(1);
      const bob = wavRecording(2);
      await world.blobs.put(`${FOLDER}ann-TR_a1.wav`, ann, 'audio/wav');
      await world.blobs.put(`${FOLDER}bob-TR_b2.wav`, bob, 'audio/wav');
      await world.blobs.put(`${FOLDER}bob-TR_b2.vtt`, 'WEBVTT\n', 'text/vtt');

      const result = await intake(world.deps, { meeting });

      expect(result.tracks).toEqual([`${FOLDER}ann-TR_a1.wav`, `${FOLDER}bob-TR_b2.wav`]);
      expect(result.recording).toEqual({ key: FOLDER, bytes: ann.byteLength + bob.byteLength, mime: 'multipart/tracks' });
    });

    it('fails when the folder holds no media track, or one track is not media', async () => {
      const world = stepWorld();
      const meeting = meetingOf({ recordingKey: FOLDER });
      await expect(intake(world.deps, { meeting })).rejects.toMatchObject({ name: 'RecordingNotFoundError', message: `no participant tracks under ${FOLDER}` });

      await world.blobs.put(`${FOLDER}ann-TR_a1.wav`, wavRecording(), 'audio/wav');
      await world.blobs.put(`${FOLDER}bob-TR_b2.ogg`, 'not audio', 'audio/ogg');
      await expect(intake(world.deps, { meeting })).rejects.toMatchObject({ name: 'UnsupportedRecordingError', message: expect.stringContaining('bob-TR_b2.ogg') });
    });
  });
});
