import { NoTranscriberError } from '../../errors.js';
import { resultFiles, resultKey, siblingTranscriptKeys } from '../../meeting/resultKeys.js';
import type { StepInput } from '../../meeting/schema.js';
import { formatOfKey, importTranscript } from '../../transcript/importTranscript.js';
import { renderSrt, renderVtt } from '../../transcript/renderSubtitles.js';
import type { Transcript } from '../../transcript/schema.js';
import { putJson } from '../jsonResults.js';
import type { StepDeps } from '../StepDeps.js';
import { trackStep } from '../stepStatus.js';

export interface TranscribeResult {
  transcriptKey: string;
  source: string;
  utterances: number;
  speakers: number;
  durationMs: number;
}

/**
 * Produces the canonical transcript: a transcript already beside the recording wins (it is
 * what the user gave us), else the configured speech-to-text provider.
 */
export async function transcribe(deps: StepDeps, { meeting }: StepInput): Promise<TranscribeResult> {
  return trackStep(deps, meeting, 'transcribe', async () => {
    const transcript = (await importSibling(deps, meeting)) ?? (await transcribeWithProvider(deps, meeting));
    const transcriptKey = resultKey(meeting.resultPrefix, resultFiles.transcriptJson);
    await putJson(deps.blobs, transcriptKey, transcript);
    await deps.blobs.put(resultKey(meeting.resultPrefix, resultFiles.transcriptVtt), renderVtt(transcript), 'text/vtt; charset=utf-8');
    await deps.blobs.put(resultKey(meeting.resultPrefix, resultFiles.transcriptSrt), renderSrt(transcript), 'application/x-subrip; charset=utf-8');
    return {
      transcriptKey,
      source: `${transcript.source.kind}:${transcript.source.detail}`,
      utterances: transcript.utterances.length,
      speakers: transcript.speakers.length,
      durationMs: transcript.durationMs,
    };
  });
}

async function importSibling(deps: StepDeps, meeting: StepInput['meeting']): Promise<Transcript | null> {
  for (const key of siblingTranscriptKeys(meeting.recordingKey)) {
    const format = formatOfKey(key);
    if (format === null || key === meeting.recordingKey) continue;
    const text = await deps.blobs.getText(key);
    if (text !== null) return importTranscript(text, format, { meetingId: meeting.meetingId, key });
  }
  return null;
}

async function transcribeWithProvider(deps: StepDeps, meeting: StepInput['meeting']): Promise<Transcript> {
  if (deps.transcriber === null) {
    const looked = siblingTranscriptKeys(meeting.recordingKey).join(', ');
    throw new NoTranscriberError(
      `no transcript beside the recording (looked for ${looked}) and no speech-to-text provider is configured: put a transcript beside the recording or set DEEPGRAM_API_KEY`,
    );
  }
  return deps.transcriber.transcribe({ meetingId: meeting.meetingId, recordingKey: meeting.recordingKey });
}
