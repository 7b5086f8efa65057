import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SfnWorkflowRunner } from '../../../lib/adapters/stepfunctions/SfnWorkflowRunner.js';
import type { StepInput } from '../../../lib/domain/meetings/schema.js';
import { FakeStepFunctionsServer } from './fakeStepFunctionsServer.js';

const STATE_MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:post-call';
const INPUT = { tenantId: 'acme', meetingId: 'mtg_1', recordingKey: 'tenants/acme/x.ogg' } as unknown as StepInput;

describe('the workflow port on Step Functions, through @aws-sdk/client-sfn against Step Functions on loopback', () => {
  let fake: FakeStepFunctionsServer;
  let runner: SfnWorkflowRunner;
  beforeEach(async () => {
    fake = await FakeStepFunctionsServer.start();
    const client = new SFNClient({ region: 'us-east-1', endpoint: fake.endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    runner = new SfnWorkflowRunner(client, STATE_MACHINE);
  });
  afterEach(() => fake.close());

  it('starts an execution named after the run, signed, in AWS JSON 1.0, with the input as JSON', async () => {
    expect(await runner.start({ name: 'mtg_1-v1', input: INPUT })).toEqual({ executionName: 'mtg_1-v1', alreadyStarted: false });
    const [start] = fake.requests;
    expect(start?.target).toBe('AWSStepFunctions.StartExecution');
    expect(start?.contentType).toBe('application/x-amz-json-1.0');
    expect(start?.signed).toBe(true);
    expect(start?.input).toEqual({ stateMachineArn: STATE_MACHINE, name: 'mtg_1-v1', input: JSON.stringify(INPUT) });
  });

  it('reports a run that already exists as already started (a repeated webhook starts nothing)', async () => {
    await runner.start({ name: 'mtg_1-v1', input: INPUT });
    fake.end('mtg_1-v1', 'SUCCEEDED');
    expect(await runner.start({ name: 'mtg_1-v1', input: INPUT })).toEqual({ executionName: 'mtg_1-v1', alreadyStarted: true });
  });

  it('tells a running execution from an ended one and from one that never existed', async () => {
    await runner.start({ name: 'mtg_1-v1', input: INPUT });
    expect(await runner.isRunning('mtg_1-v1')).toBe(true);
    const describe = fake.requests.find((r) => r.target === 'AWSStepFunctions.DescribeExecution');
    expect(describe?.input).toEqual({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:post-call:mtg_1-v1' });
    for (const ended of ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
      fake.end('mtg_1-v1', ended);
      expect(await runner.isRunning('mtg_1-v1')).toBe(false);
    }
    fake.end('mtg_1-v1', 'PENDING_REDRIVE');
    expect(await runner.isRunning('mtg_1-v1')).toBe(true);
    expect(await runner.isRunning('mtg_never')).toBe(false);
  });

  it('fails loudly when Step Functions cannot answer, instead of taking the run for ended', async () => {
    await runner.start({ name: 'mtg_1-v1', input: INPUT });
    fake.failNext = 1;
    await expect(runner.isRunning('mtg_1-v1')).rejects.toThrow();
  });
});
