import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/app/localStack.js';
import { loadConfig } from '../../lib/config/config.js';
import { deriveMeetingId } from '../../lib/domain/meeting/meetingId.js';
import { resultPrefixFor } from '../../lib/domain/meeting/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { RETRY_NOW, sampleBytes } from '../support/localStackFixture.js';
import { makeTempDir } from '../support/tempDir.js';

describe('a process that crashed mid-run', () => {
  const dirs: Awaited<ReturnType<typeof makeTempDir>>[] = [];
  afterAll(async () => {
    for (const dir of dirs) await dir.remove();
  });

  it('has its unfinished run started again when the stack next starts, and the meeting completes', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path });
    const key = 'calls/interrupted.ogg';
    const meetingId = deriveMeetingId(config.AFTERCALL_DEFAULT_TENANT, key);

    // What a crash leaves: the recording and transcript in the bucket, the intake's status, and
    // an execution record still RUNNING, owned by a process that no longer exists.
    const first = await startLocalStack(config, { watchBucket: false, retryIntervalOverrides: RETRY_NOW });
    await first.deps.blobs.put('calls/interrupted.vtt', await sampleBytes('recordings/kickoff-es2002a.vtt'), 'text/vtt');
    await first.deps.blobs.put(key, await sampleBytes('recordings/kickoff-es2002a.ogg'), 'audio/ogg');
    await first.close();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
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
    await writeFile(
      join(dir.path, 'executions', `${meetingId}.json`),
      JSON.stringify({ name: meetingId, status: 'RUNNING', startedAt: new Date().toISOString(), stoppedAt: null, error: null, pid: deadPid, input: { meeting } }),
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
});
