import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalWorkflowRunner } from '../../../lib/adapters/stepfunctions/LocalWorkflowRunner.js';
import type { StepInput } from '../../../lib/domain/meetings/schema.js';
import { makeTempDir } from '../../support/tempDir.js';

const definition = {
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:local:000000000000:function:work',
      Retry: [{ ErrorEquals: ['FlakyError'], MaxAttempts: 2 }],
      End: true,
    },
  },
};
const input = { meeting: { meetingId: 'm' } } as unknown as StepInput;

describe('LocalWorkflowRunner', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  const runnerWith = (work: () => Promise<unknown>) =>
    new LocalWorkflowRunner({ definition, handlers: { Work: work }, executionsDir: join(dir.path, 'executions'), retryIntervalOverrides: { Work: 0 } });

  it('runs a name once: of two starts at once, one runs and both can wait for it', async () => {
    let calls = 0;
    const runner = runnerWith(async () => {
      calls += 1;
      return { ok: true };
    });
    const [a, b] = await Promise.all([runner.start({ name: 'run-1', input }), runner.start({ name: 'run-1', input })]);
    expect([a.alreadyStarted, b.alreadyStarted].sort()).toEqual([false, true]);
    expect((await runner.wait('run-1')).status).toBe('SUCCEEDED');
    expect(calls).toBe(1);
  });

  it('remembers names across runner instances (a restart starts nothing again)', async () => {
    await runnerWith(async () => ({})).start({ name: 'run-2', input });
    const later = runnerWith(async () => ({}));
    expect(await later.start({ name: 'run-2', input })).toEqual({ executionName: 'run-2', alreadyStarted: true });
  });

  it('retries what the definition retries and records a failure with its message', async () => {
    let attempts = 0;
    const flaky = runnerWith(async () => {
      attempts += 1;
      throw Object.assign(new Error('still down'), { name: 'FlakyError' });
    });
    await flaky.start({ name: 'run-3', input });
    const record = await flaky.wait('run-3');
    expect(attempts).toBe(3);
    expect(record).toMatchObject({ status: 'FAILED', error: expect.stringContaining('still down') });
  });

  it('renews the lease of a long run, so a second runner on the same folder never takes it over', async () => {
    let calls = 0;
    const slow = async () => {
      calls += 1;
      await new Promise((done) => setTimeout(done, 2_500));
      return {};
    };
    const options = { definition, handlers: { Work: slow }, executionsDir: join(dir.path, 'executions'), leaseMs: 600 };
    const owner = new LocalWorkflowRunner(options);
    const other = new LocalWorkflowRunner(options);
    owner.watchInterrupted();
    other.watchInterrupted();
    try {
      await owner.start({ name: 'run-4', input });
      expect((await other.wait('run-4')).status).toBe('SUCCEEDED');
      expect(calls).toBe(1);
    } finally {
      owner.close();
      other.close();
    }
  });
});
