import type { Embedder } from '../ports/Embedder.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import { searchArchive, type ArchiveHit } from '../search/searchArchive.js';
import type { Transcript, Utterance } from '../transcript/schema.js';
import type { Passage, PassageLine } from './passages.js';

/** A meeting's transcript, or null when the tenant has no such meeting (or it has no transcript yet). */
export type TranscriptSource = (tenantId: string, meetingId: string) => Promise<Transcript | null>;

export interface RetrievalDeps {
  embedder: Embedder;
  index: VectorIndex;
  transcripts: TranscriptSource;
}

export interface RetrievalScope {
  tenantId: string;
  question: string;
  /** How many passages an answer may rest on. */
  limit: number;
  meetingId?: string | undefined;
  /** Only these meetings (a date range resolved by the caller); an empty list retrieves nothing. */
  meetingIds?: readonly string[] | undefined;
}

/** A turn longer than this is cut to the part the hit covers: one monologue must not fill the prompt. */
const MAX_LINE_WORDS = 150;

/**
 * The passages of the tenant's archive that best match a question, best first, each with the
 * turns it covers read back from the meeting's transcript (the index keeps a snippet, not the
 * words said). Transcript windows only: an answer cites what was said, not a summary of it.
 * Retrieval is archive search itself, so whatever search finds relevant is what can be cited.
 */
export async function retrievePassages(deps: RetrievalDeps, scope: RetrievalScope): Promise<Passage[]> {
  const hits = await searchArchive(
    { embedder: deps.embedder, index: deps.index },
    {
      tenantId: scope.tenantId,
      query: scope.question,
      limit: scope.limit,
      kinds: ['transcript'],
      ...(scope.meetingId === undefined ? {} : { meetingId: scope.meetingId }),
      ...(scope.meetingIds === undefined ? {} : { meetingIds: [...scope.meetingIds] }),
    },
  );
  const transcripts = new Map<string, Promise<Transcript | null>>();
  const transcriptOf = (meetingId: string) => {
    const known = transcripts.get(meetingId) ?? deps.transcripts(scope.tenantId, meetingId);
    transcripts.set(meetingId, known);
    return known;
  };
  // Read in parallel (each meeting once): this is on the way to an answer's first word.
  const read = await Promise.all(hits.map((hit) => transcriptOf(hit.meetingId)));
  const passages: Passage[] = [];
  for (const [i, hit] of hits.entries()) {
    const transcript = read[i] ?? null;
    if (transcript === null) continue;
    const lines = linesOf(transcript, hit);
    if (lines.length === 0) continue;
    passages.push({ id: String(passages.length + 1), meetingId: hit.meetingId, startMs: hit.startMs, endMs: hit.endMs, score: hit.score, lines });
  }
  return passages;
}

function linesOf(transcript: Transcript, hit: ArchiveHit): PassageLine[] {
  const wanted = new Set(hit.utteranceIds);
  const speakers = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  return transcript.utterances
    .filter((utterance) => wanted.has(utterance.id))
    .map((utterance) => ({ utteranceId: utterance.id, speaker: speakers.get(utterance.speakerId) ?? utterance.speakerId, startMs: utterance.startMs, text: coveredText(utterance, hit) }));
}

/** A long turn's words inside the hit's time span (times interpolated by word, as the index cut them). */
function coveredText(utterance: Utterance, hit: ArchiveHit): string {
  const words = utterance.text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length <= MAX_LINE_WORDS) return utterance.text;
  const msPerWord = (utterance.endMs - utterance.startMs) / words.length || 1;
  const from = Math.max(0, Math.floor((hit.startMs - utterance.startMs) / msPerWord));
  const to = Math.min(words.length, Math.max(from + 1, Math.ceil((hit.endMs - utterance.startMs) / msPerWord)));
  return words.slice(from, Math.min(to, from + MAX_LINE_WORDS)).join(' ');
}
