/** The folder suffix that holds a recording's results, beside the recording itself. */
export const RESULT_FOLDER_SUFFIX = '.aftercall';

/**
 * Every result of a recording lives under one prefix derived from the recording key alone,
 * extension included, so `x.ogg` and `x.wav` never share a folder:
 * `calls/2026/standup.ogg` → `calls/2026/standup.ogg.aftercall/`. A folder of participant
 * tracks (`…/tracks/`) keeps its results beside the folder: `…/tracks.aftercall/`.
 */
export function resultPrefixFor(recordingKey: string): string {
  if (recordingKey.endsWith('/')) return `${recordingKey.slice(0, -1)}${RESULT_FOLDER_SUFFIX}/`;
  return `${recordingKey}${RESULT_FOLDER_SUFFIX}/`;
}

/**
 * Where results went before the folder kept the extension (`standup.aftercall/`). A meeting
 * started then keeps that folder (its catalog entry names it), so existing data still reads.
 */
export function legacyResultPrefixFor(recordingKey: string): string {
  if (recordingKey.endsWith('/')) return resultPrefixFor(recordingKey);
  const slash = recordingKey.lastIndexOf('/');
  const file = recordingKey.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return `${recordingKey.slice(0, slash + 1)}${dot > 0 ? file.slice(0, dot) : file}${RESULT_FOLDER_SUFFIX}/`;
}

/** Keys of a transcript that may sit beside the recording, in order of preference. */
export function siblingTranscriptKeys(recordingKey: string): string[] {
  const slash = recordingKey.lastIndexOf('/');
  const file = recordingKey.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const base = recordingKey.slice(0, dot > 0 ? slash + 1 + dot : recordingKey.length);
  return ['vtt', 'srt', 'json'].map((ext) => `${base}.${ext}`);
}

export const resultFiles = {
  transcriptJson: 'transcript.json',
  transcriptVtt: 'transcript.vtt',
  transcriptSrt: 'transcript.srt',
  translationJson: (language: string) => `translations/${language}.json`,
  translationVtt: (language: string) => `translations/${language}.vtt`,
  summary: 'summary.json',
  actionItems: 'action-items.json',
  decisions: 'decisions.json',
  chapters: 'chapters.json',
  /** Names proposed for the speakers, waiting for a person to confirm them. */
  speakerNames: 'speaker-names.json',
  status: 'status.json',
  stepStatus: (step: string) => `steps/${step}.json`,
  /** Where the speech-to-text provider PUTs its raw result through a presigned URL (any size). */
  transcriptionResult: 'steps/transcribe.result.json',
  manifest: 'manifest.json',
} as const;

export const resultKey = (prefix: string, file: string): string => `${prefix}${file}`;

/** The end of every provider result key: what the bucket's notification filters on. */
export const TRANSCRIPTION_RESULT_SUFFIX = `${RESULT_FOLDER_SUFFIX}/${resultFiles.transcriptionResult}`;

/** The results folder a provider's result key belongs to, or null when the key is not one. */
export function resultPrefixOfTranscriptionResult(key: string): string | null {
  if (!key.endsWith(TRANSCRIPTION_RESULT_SUFFIX)) return null;
  return key.slice(0, key.length - resultFiles.transcriptionResult.length);
}

/** Where the control plane keeps its own small records; never beside a recording. */
export const CONTROL_PREFIX = '_aftercall/';
export const catalogPrefix = (tenantId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/meetings/`;
export const catalogKey = (tenantId: string, meetingId: string): string => `${catalogPrefix(tenantId)}${meetingId}.json`;
export const tenantSettingsKey = (tenantId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/settings.json`;

/** "calls/2026/standup.ogg" → "standup"; a folder of tracks → its name. */
export function recordingTitle(recordingKey: string): string {
  const parts = recordingKey.split('/').filter((part) => part.length > 0);
  const file = parts.at(-1) ?? recordingKey;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
