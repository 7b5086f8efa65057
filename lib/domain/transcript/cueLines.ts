import { speakerRegistry } from './speakerRegistry.js';
import { TRANSCRIPT_SCHEMA_VERSION, utteranceId, type Transcript, type TranscriptSource, type Utterance, type Word } from './schema.js';

/** One timed line of speech, before speakers get ids: the shape every import format reduces to. */
export interface CueLine {
  speakerName: string;
  startMs: number;
  endMs: number;
  text: string;
  confidence?: number | null;
  words?: Word[];
}

export const UNKNOWN_SPEAKER = 'Unknown speaker';

/** Builds the canonical transcript from timed lines; speakers are numbered in order of first appearance. */
export function transcriptFromCueLines(
  lines: readonly CueLine[],
  meta: { meetingId: string; source: TranscriptSource; language?: string | null; durationMs?: number | null },
): Transcript {
  const { speakers, idFor: speakerIdFor } = speakerRegistry();

  const utterances: Utterance[] = lines
    .filter((line) => line.text.trim().length > 0)
    .sort((a, b) => a.startMs - b.startMs)
    .map((line, index) => ({
      id: utteranceId(index),
      speakerId: speakerIdFor(line.speakerName),
      startMs: Math.round(line.startMs),
      endMs: Math.round(Math.max(line.endMs, line.startMs)),
      text: line.text.trim(),
      confidence: line.confidence ?? null,
      words: line.words ?? [],
    }));

  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    meetingId: meta.meetingId,
    language: meta.language ?? null,
    durationMs: Math.max(meta.durationMs ?? 0, ...utterances.map((u) => u.endMs), 0),
    speakers,
    utterances,
    source: meta.source,
  };
}
