import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../lib/app/localStack.js';
import { loadConfig } from '../../lib/config/config.js';
import { createApiKey } from '../../lib/domain/auth/apiKeys.js';
import { tenantOfRecording } from '../../lib/domain/intake/recordingTenant.js';
import { deriveMeetingId } from '../../lib/domain/meeting/meetingId.js';
import { getMeeting, type MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { makeTempDir } from './tempDir.js';

const NO_WAIT = 0;
/** Retries still happen in tests, without the production back-off. */
export const RETRY_NOW = Object.fromEntries(
  ['Intake', 'Transcribe', 'TranslateLanguage', 'Understand', 'Index', 'Publish', 'RecordFailure'].map((state) => [state, NO_WAIT]),
);

export interface StackFixture {
  stack: LocalStack;
  tenantId: string;
  /** Puts a recording (and optionally a transcript beside it) and waits for its first run to end; its tenant follows the key. */
  process(key: string, recording: Uint8Array, transcript?: { ext: 'vtt' | 'srt' | 'json'; text: string | Uint8Array }): Promise<MeetingView>;
  /** Waits for a run and reads the meeting (of the default tenant unless `tenant` is given). */
  waitFor(meetingId: string, executionName?: string, tenant?: string): Promise<MeetingView>;
  sha256(key: string): Promise<string | null>;
  /** A new API key (default: admin of the default tenant), for `Authorization: Bearer <key>`. */
  apiKey(options?: { tenantId?: string; role?: 'admin' | 'member' }): Promise<string>;
  close(): Promise<void>;
}

export const sampleBytes = (relative: string): Promise<Buffer> => readFile(new URL(`../../samples/${relative}`, import.meta.url));

/** A whole local stack (S3 on loopback, local runner, LanceDB) in a temp folder. */
export async function startStackFixture(options: LocalStackOptions & { env?: Record<string, string> } = {}): Promise<StackFixture> {
  const dir = await makeTempDir();
  const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path, ...options.env });
  const stack = await startLocalStack(config, { retryIntervalOverrides: RETRY_NOW, log: () => undefined, ...options });
  const tenantId = config.AFTERCALL_DEFAULT_TENANT;

  const waitFor = async (meetingId: string, executionName = meetingId, tenant = tenantId): Promise<MeetingView> => {
    for (let attempt = 0; attempt < 200 && (await stack.runner.describe(executionName)) === null; attempt += 1) {
      await new Promise((done) => setTimeout(done, 25));
    }
    await stack.runner.wait(executionName);
    const view = await getMeeting(stack.deps.blobs, tenant, meetingId);
    if (view === null) throw new Error(`meeting ${meetingId} is not in the catalog`);
    return view;
  };

  return {
    stack,
    tenantId,
    waitFor,
    process: async (key, recording, transcript) => {
      if (transcript !== undefined) await stack.deps.blobs.put(key.replace(/\.[^.]+$/, `.${transcript.ext}`), transcript.text, 'text/plain');
      await stack.deps.blobs.put(key, recording, 'application/octet-stream');
      const tenant = tenantOfRecording(key, tenantId);
      return waitFor(deriveMeetingId(tenant, key), undefined, tenant);
    },
    sha256: async (key) => {
      const bytes = await stack.deps.blobs.getBytes(key);
      return bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
    },
    apiKey: async (options = {}) =>
      (await createApiKey(stack.deps.blobs, { tenantId: options.tenantId ?? tenantId, role: options.role ?? 'admin', name: 'test' })).key,
    close: async () => {
      await stack.close();
      await dir.remove();
    },
  };
}
