import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LocalStack } from '../composition/local.js';
import { isRecordingKey } from '../domain/intake/recordingEvent.js';
import { tenantKeyPrefix, tenantOfRecording } from '../domain/intake/recordingTenant.js';
import { startMeeting, type StartedMeeting } from '../domain/intake/startMeeting.js';
import { siblingTranscriptKeys } from '../domain/meetings/resultKeys.js';
import { formatOfKey } from '../domain/transcript/importTranscript.js';
import { BadRequestError } from '../domain/errors.js';

export class CliInputError extends BadRequestError {
  override readonly name = 'CliInputError';
}

/**
 * Puts a recording (and the transcript that goes with it) into the bucket and starts its
 * workflow. The transcript goes first: a recording is processed as soon as it lands.
 */
export async function processRecording(
  stack: LocalStack,
  options: { recordingPath: string; transcriptPath?: string | undefined; key?: string | undefined; tenantId?: string | undefined },
): Promise<StartedMeeting> {
  const defaultTenant = stack.config.AFTERCALL_DEFAULT_TENANT;
  // The key decides the tenant (one rule for every intake path): --tenant alone picks the tenant's folder, and a --key of another tenant is refused.
  const key = options.key ?? `${tenantKeyPrefix(options.tenantId ?? defaultTenant, defaultTenant)}recordings/${basename(options.recordingPath)}`;
  const tenantId = options.tenantId ?? tenantOfRecording(key, defaultTenant);
  if (tenantOfRecording(key, defaultTenant) !== tenantId) {
    throw new CliInputError(`${key} is a recording of tenant ${tenantOfRecording(key, defaultTenant)}, not ${tenantId}: put tenant ${tenantId}'s recordings under tenants/${tenantId}/`);
  }
  if (!isRecordingKey(key)) throw new CliInputError(`${key} does not look like a recording (use an audio or video file extension such as .ogg, .wav, .mp3, .mp4)`);
  const recording = await readFile(options.recordingPath).catch((error: unknown) => {
    throw new CliInputError(`cannot read ${options.recordingPath}: ${(error as Error).message}`);
  });
  if (options.transcriptPath !== undefined) {
    const format = formatOfKey(options.transcriptPath);
    if (format === null) throw new CliInputError(`${options.transcriptPath}: a transcript must be .vtt, .srt or .json (Deepgram)`);
    const siblingKey = siblingTranscriptKeys(key).find((k) => extname(k) === `.${format}`) ?? '';
    await stack.deps.blobs.put(siblingKey, await readFile(options.transcriptPath), 'text/plain; charset=utf-8');
  }
  await stack.deps.blobs.put(key, recording, 'application/octet-stream');
  return startMeeting(stack.plane, { tenantId, recordingKey: key, recordedAt: new Date().toISOString(), trigger: 'cli' });
}
