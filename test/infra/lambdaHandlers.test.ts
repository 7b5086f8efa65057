import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ControlPlane } from '../../lib/app/ControlPlane.js';
import { createHttpApp } from '../../lib/app/http/createHttpApp.js';
import { createS3EventHandler } from '../../lib/app/s3EventHandler.js';
import { awsS3EventHandler, awsStepHandler } from '../../lib/composition/aws.js';
import { memoryBlobs } from '../support/memoryBlobStore.js';
import type { WorkflowRunner } from '../../lib/domain/ports/WorkflowRunner.js';

const BUCKET = 'aftercall-recordings';

const s3Record = (key: string, eventName = 'ObjectCreated:Put') => ({
  eventName,
  eventTime: '2026-11-20T10:00:00.000Z',
  s3: { bucket: { name: BUCKET }, object: { key, size: 1234 } },
});

function fakes() {
  const started: string[] = [];
  const names = new Set<string>();
  const workflow: WorkflowRunner = {
    start: async (run) => {
      const alreadyStarted = names.has(run.name);
      names.add(run.name);
      if (!alreadyStarted) started.push(run.input.meeting.recordingKey);
      return { executionName: run.name, alreadyStarted };
    },
    isRunning: async (name) => names.has(name),
  };
  // No tenant settings stored: the defaults apply. The recordings the notifications announce are there.
  const blobs = memoryBlobs();
  for (const key of ['acme/standup 2026.ogg', 'demo/call.mp3']) void blobs.put(key, 'audio');
  return { workflow, blobs, started };
}

const noCompletion = async (): Promise<never> => {
  throw new Error('a recording must not build the completion');
};

describe('the S3 event Lambda', () => {
  it('starts one run per new recording, ignoring results beside recordings and other buckets', async () => {
    const { workflow, blobs, started } = fakes();
    const handler = createS3EventHandler({ workflow, blobs, clock: () => new Date() }, { bucket: BUCKET, defaultTenant: 'demo', completion: noCompletion });
    const event = {
      Records: [
        s3Record('acme/standup+2026.ogg'),
        s3Record('acme/standup.aftercall/transcript.json'),
        s3Record('acme/notes.txt'),
        { ...s3Record('elsewhere.ogg'), s3: { bucket: { name: 'other' }, object: { key: 'elsewhere.ogg' } } },
      ],
    };
    const result = await handler(event);
    expect(started).toEqual(['acme/standup 2026.ogg']);
    expect(result.started.map((r) => r.alreadyStarted)).toEqual([false]);
  });

  it("routes a provider's result beside a recording to the completion, never to intake", async () => {
    const { workflow, blobs, started } = fakes();
    const asked: string[] = [];
    const logged: string[] = [];
    const completion = async () => {
      asked.push('completion');
      // Nothing is waiting in this store: the result completes nothing and is logged.
      return { blobs, taskTokens: { succeed: async () => {}, fail: async () => {} }, clock: () => new Date(), transcriber: null, secondaryTranscriber: null };
    };
    const handler = createS3EventHandler({ workflow, blobs, clock: () => new Date() }, { bucket: BUCKET, defaultTenant: 'demo', completion, log: (message) => logged.push(message) });
    // Even under a results folder whose name looks like media (x.ogg.aftercall/ after a rename).
    const result = await handler({ Records: [s3Record('acme/standup.aftercall/steps/transcribe.result.json'), s3Record('acme/x.ogg.aftercall/steps/transcribe.result.json')] });
    expect(started).toEqual([]);
    expect(result).toEqual({ started: [], completed: [] });
    expect(asked).toHaveLength(2);
    expect(logged).toEqual([
      'did not complete a transcription from acme/standup.aftercall/steps/transcribe.result.json',
      'did not complete a transcription from acme/x.ogg.aftercall/steps/transcribe.result.json',
    ]);
  });

  it('starts nothing twice when S3 delivers the same notification again', async () => {
    const { workflow, blobs, started } = fakes();
    const handler = createS3EventHandler({ workflow, blobs, clock: () => new Date() }, { bucket: BUCKET, defaultTenant: 'demo', completion: noCompletion });
    await handler({ Records: [s3Record('demo/call.mp3')] });
    const again = await handler({ Records: [s3Record('demo/call.mp3')] });
    expect(started).toEqual(['demo/call.mp3']);
    expect(again.started[0]?.alreadyStarted).toBe(true);
  });
});

describe('the HTTP Lambda app', () => {
  // Only the fields the routes below touch; the rest of the plane is exercised by test/app.
  const plane = { livekit: null, deliveries: null } as unknown as ControlPlane;
  const app = createHttpApp(plane, { log: () => {} });

  it('answers 503 on the LiveKit webhook until its keys are in the secret', async () => {
    const response = await app.request('/webhooks/livekit', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
  });

  it('serves no web UI: unknown paths are the JSON 404', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { status: 404, message: 'no such route' } });
  });

});

describe('the AWS composition root, at a cold start', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('stops a function that starts runs without the state machine ARN the stack sets, naming it', async () => {
    vi.stubEnv('AFTERCALL_STATE_MACHINE_ARN', '');
    await expect(awsS3EventHandler()).rejects.toThrow(/AFTERCALL_STATE_MACHINE_ARN: not set; the stack sets it/);
    vi.stubEnv('AFTERCALL_STATE_MACHINE_ARN', 'post-call');
    await expect(awsS3EventHandler()).rejects.toThrow(/AFTERCALL_STATE_MACHINE_ARN: a Step Functions state machine ARN/);
  });

  it('stops a step function told no step, or a step there is not, naming the steps there are', async () => {
    vi.stubEnv('AFTERCALL_STEP', '');
    await expect(awsStepHandler()({}, {} as never)).rejects.toThrow(/AFTERCALL_STEP: not set; the stack sets it/);
    vi.stubEnv('AFTERCALL_STEP', 'Summarise');
    await expect(awsStepHandler()({}, {} as never)).rejects.toThrow(/AFTERCALL_STEP: one of Intake, Transcribe, CheckTranscription, Translate, Understand, Index, Publish, RecordFailure/);
  });
});
