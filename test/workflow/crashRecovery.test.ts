import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../lib/composition/local.js';
import { loadConfig } from '../../lib/config/config.js';
import { createApiKey } from '../../lib/domain/auth/apiKeys.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { RETRY_NOW, sampleBytes } from '../support/localStackFixture.js';
import { makeTempDir } from '../support/tempDir.js';

const until = async (condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
};

const deleteOverHttp = async (stack: LocalStack, meetingId: string): Promise<number> => {
  const key = (await createApiKey(stack.deps.blobs, { tenantId: stack.config.AFTERCALL_DEFAULT_TENANT, role: 'admin', name: 'ops' })).key;
  const response = await fetch(`${stack.httpUrl}/api/meetings/${meetingId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  return response.status;
};

describe('a process that crashed mid-run', () => {
  const dirs: Awaited<ReturnType<typeof makeTempDir>>[] = [];
  afterAll(async () => {
    for (const dir of dirs) await dir.remove();
  });

  it('has its unfinished run started again when the stack next starts with the same pid, as in a restarted container', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path });
    const key = 'calls/interrupted.ogg';
    const meetingId = deriveMeetingId(config.AFTERCALL_DEFAULT_TENANT, key);

    // What a crash leaves: the recording and transcript in the bucket and an execution record
    // still RUNNING, written by a process with this very pid whose lease is long out.
    const first = await startLocalStack(config, { watchBucket: false, retryIntervalOverrides: RETRY_NOW });
    await first.deps.blobs.put('calls/interrupted.vtt', await sampleBytes('recordings/kickoff-es2002a.vtt'), 'text/vtt');
    await first.deps.blobs.put(key, await sampleBytes('recordings/kickoff-es2002a.ogg'), 'audio/ogg');
    await first.close();
    const meeting = {
      tenantId: config.AFTERCALL_DEFAULT_TENANT,
      meetingId,
      recordingKey: key,
      resultPrefix: resultPrefixFor(key),
      runId: meetingId,
      resumeFrom: 'transcribe',
      targetLanguages: [],
      recordedAt: new Date().toISOString(),
      trigger: 's3',
    };
    await mkdir(join(dir.path, 'executions'), { recursive: true });
    const staleHeartbeat = new Date(Date.now() - 10 * 60_000).toISOString();
    await writeFile(
      join(dir.path, 'executions', `${meetingId}.json`),
      JSON.stringify({ name: meetingId, status: 'RUNNING', startedAt: staleHeartbeat, stoppedAt: null, error: null, pid: process.pid, owner: 'previous-boot', heartbeatAt: staleHeartbeat, input: { meeting } }),
    );

    const second = await startLocalStack(config, { watchBucket: false, retryIntervalOverrides: RETRY_NOW });
    try {
      expect(second.recovered).toEqual([meetingId]);
      expect((await second.runner.wait(meetingId)).status).toBe('SUCCEEDED');
      expect((await getMeeting(second.deps.blobs, config.AFTERCALL_DEFAULT_TENANT, meetingId))?.state).toBe('ready');
    } finally {
      await second.close();
    }
  });

  it('is taken over once the dead runner stops renewing its lease, after which the meeting completes and DELETE works', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path, AFTERCALL_RUN_LEASE_SECONDS: '0.6' });
    const key = 'calls/abandoned.ogg';
    const meetingId = deriveMeetingId(config.AFTERCALL_DEFAULT_TENANT, key);

    // The first stack hangs in Understand and then dies as a process would: it stops renewing
    // its lease and never writes again. Same process, so the same pid.
    let release: (error: Error) => void = () => undefined;
    const hung = new Promise<never>((_, reject) => (release = reject));
    const first = await startLocalStack(config, {
      http: true,
      port: 0,
      retryIntervalOverrides: RETRY_NOW,
      log: () => undefined,
      depsOverrides: (deps) => ({ understander: { name: deps.understander.name, understand: () => hung } }),
    });
    await first.deps.blobs.put('calls/abandoned.vtt', await sampleBytes('recordings/kickoff-es2002a.vtt'), 'text/vtt');
    await first.deps.blobs.put(key, await sampleBytes('recordings/kickoff-es2002a.ogg'), 'audio/ogg');
    await until(async () => (await getMeeting(first.deps.blobs, config.AFTERCALL_DEFAULT_TENANT, meetingId))?.steps.some((s) => s.name === 'understand' && s.state === 'running') === true, 'the run to reach Understand');
    expect(await deleteOverHttp(first, meetingId)).toBe(409);
    first.runner.close();

    const second = await startLocalStack(config, { http: true, port: 0, watchBucket: false, retryIntervalOverrides: RETRY_NOW, log: () => undefined });
    try {
      const runs = async () => (await second.runner.describe((await second.runner.executionsOf(meetingId))[0] ?? meetingId)) ?? null;
      await until(async () => (await runs())?.status === 'SUCCEEDED', 'the interrupted run to be taken over and finish');
      expect((await runs())?.attempt).toBe(2);
      expect((await getMeeting(second.deps.blobs, config.AFTERCALL_DEFAULT_TENANT, meetingId))?.state).toBe('ready');
      expect(await deleteOverHttp(second, meetingId)).toBe(200);
      expect(await getMeeting(second.deps.blobs, config.AFTERCALL_DEFAULT_TENANT, meetingId)).toBeNull();
    } finally {
      await second.close();
      release(new Error('the dead process is gone'));
      await first.close().catch(() => undefined);
    }
  });
});
