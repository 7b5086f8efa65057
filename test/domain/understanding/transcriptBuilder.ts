import { TRANSCRIPT_SCHEMA_VERSION, type Transcript } from '../../../lib/domain/transcript/schema.js';

/** One spoken turn for a test transcript: who, what, and (optionally) how long it lasts. */
export interface Turn {
  speaker: string;
  text: string;
  durationMs?: number;
}

const DEFAULT_TURN_MS = 5_000;

/** A canonical transcript from turns in order; speakers get ids in order of first appearance. */
export function transcriptOf(turns: readonly Turn[], meetingId = 'test-meeting'): Transcript {
  const speakerIds = new Map<string, string>();
  let clock = 0;
  const utterances = turns.map((turn, index) => {
    let speakerId = speakerIds.get(turn.speaker);
    if (speakerId === undefined) {
      speakerId = `spk_${speakerIds.size}`;
      speakerIds.set(turn.speaker, speakerId);
    }
    const startMs = clock;
    clock += turn.durationMs ?? DEFAULT_TURN_MS;
    return { id: `u${index}`, speakerId, startMs, endMs: clock, text: turn.text, confidence: null, words: [] };
  });
  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    meetingId,
    language: 'en',
    durationMs: clock,
    speakers: [...speakerIds].map(([name, id]) => ({ id, name })),
    utterances,
    source: { kind: 'import', detail: 'test', key: 'test.vtt' },
  };
}
