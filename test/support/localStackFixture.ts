import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../lib/composition/local.js';
import { loadConfig } from '../../lib/config/config.js';
import { createApiKey } from '../../lib/domain/auth/apiKeys.js';
import { tenantOfRecording } from '../../lib/domain/intake/recordingTenant.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { getMeeting, type MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { makeTempDir } from './tempDir.js';

const NO_WAIT = 0;
const WAIT_FOR_OTHER_RUN_MS = 300;
/** Retries still happen in tests, without the production back-off. */
export const RETRY_NOW: Record<string, number | number[]> = {
  ...Object.fromEntries(['Intake', 'Transcribe', 'TranslateLanguage', 'Understand', 'Index', 'Publish', 'RecordFailure'].map((state) => [state, NO_WAIT])),
  // Intake's first retrier waits for another run of the meeting to end: a few seconds in all.
  Intake: [WAIT_FOR_OTHER_RUN_MS, NO_WAIT],
};

export interface StackFixture {
  stack: LocalStack;
  tenantId: string;
  /** Puts a recording (and optionally a transcript beside it) and waits for its first run to end; its tenant follows the key. */
  process(key: string, recording: Uint8Array, transcript?: { ext: 'vtt' | 'srt' | 'json'; text: string | Uint8Array }): Promise<MeetingView>;
  /** Waits for the named run, or for every run of the meeting started so far (at least one), and reads the meeting (of the default tenant unless `tenant` is given). */
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
  // A webhook for a recording not there yet starts its failing run at once, unless a test says otherwise.
  const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path, AFTERCALL_RECORDING_WAIT_SECONDS: '0', ...options.env });
  const stack = await startLocalStack(config, { retryIntervalOverrides: RETRY_NOW, log: () => undefined, ...options });
  const tenantId = config.AFTERCALL_DEFAULT_TENANT;

  const waitFor = async (meetingId: string, executionName?: string, tenant = tenantId): Promise<MeetingView> => {
    const names = async () => (executionName === undefined ? stack.runner.executionsOf(meetingId) : (await stack.runner.describe(executionName)) === null ? [] : [executionName]);
    for (let attempt = 0; attempt < 200 && (await names()).length === 0; attempt += 1) {
      await new Promise((done) => setTimeout(done, 25));
    }
    let waited = new Set<string>();
    for (let current = await names(); current.some((name) => !waited.has(name)); current = await names()) {
      await Promise.all(current.map((name) => stack.runner.wait(name)));
      waited = new Set(current);
    }
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
