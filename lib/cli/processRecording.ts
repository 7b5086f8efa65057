import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LocalStack } from '../app/localStack.js';
import { isRecordingKey } from '../domain/intake/recordingEvent.js';
import { startMeeting, type StartedMeeting } from '../domain/intake/startMeeting.js';
import { siblingTranscriptKeys } from '../domain/meeting/resultKeys.js';
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
  options: { recordingPath: string; transcriptPath?: string | undefined; key?: string | undefined; tenantId: string },
): Promise<StartedMeeting> {
  const key = options.key ?? `recordings/${basename(options.recordingPath)}`;
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
  return startMeeting(stack.plane, { tenantId: options.tenantId, recordingKey: key, recordedAt: new Date().toISOString(), trigger: 'cli' });
}
