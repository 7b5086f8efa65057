import { TRANSCRIPT_SCHEMA_VERSION, utteranceId, type Transcript } from './schema.js';
import { speakerRegistry } from './speakerRegistry.js';

/**
 * One transcript from per-participant tracks: every utterance of a track is that participant's
 * (named by their identity, not "Speaker 0"), and the tracks interleave by time. Ids are
 * renumbered in time order so citations read in order.
 */
export function mergeTrackTranscripts(meetingId: string, folderKey: string, tracks: readonly { participant: string; transcript: Transcript }[]): Transcript {
  const { speakers, idFor: speakerOf } = speakerRegistry();
  const lines = tracks
    .flatMap(({ participant, transcript }) => transcript.utterances.map((u) => ({ participant, utterance: u })))
    .sort((a, b) => a.utterance.startMs - b.utterance.startMs || a.participant.localeCompare(b.participant));
  const utterances = lines.map(({ participant, utterance }, index) => ({ ...utterance, id: utteranceId(index), speakerId: speakerOf(participant) }));
  const first = tracks[0]?.transcript.source;
  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    meetingId,
    language: tracks.find((t) => t.transcript.language !== null)?.transcript.language ?? null,
    durationMs: Math.max(0, ...tracks.map((t) => t.transcript.durationMs)),
    speakers,
    utterances,
    source: { kind: first?.kind ?? 'import', detail: `tracks:${first?.detail ?? 'none'}`, key: folderKey },
  };
}
