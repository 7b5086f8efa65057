import type { Transcript, Utterance } from '../../domain/transcript/schema.js';
import { clockTime } from '../../domain/clockTime.js';
import { estimateTokens } from './tokenEstimate.js';

export interface TranscriptChunk {
  utterances: Utterance[];
  /** What the model reads: one `[u12 S2] text` line an utterance, `-- 12:00 --` where a minute starts. */
  text: string;
  /** `S2=Alice; S3=Bob`, for the speakers of this chunk only. */
  legend: string;
  startMs: number;
  endMs: number;
}

/**
 * Speakers are tagged S1, S2… in the transcript's order, the same in every chunk. A tag and a
 * legend instead of the name on every line, and a minute marker instead of a time on every line,
 * keep the prompt close to the transcript's own size (meeting lines are short: the prefix is
 * most of the overhead). Times are not needed per line: they are derived from cited ids.
 */
export function speakerTags(transcript: Transcript): Map<string, string> {
  const tags = new Map<string, string>();
  for (const id of [...transcript.speakers.map((s) => s.id), ...transcript.utterances.map((u) => u.speakerId)]) {
    if (!tags.has(id)) tags.set(id, `S${tags.size + 1}`);
  }
  return tags;
}

/** Splits at utterance boundaries so each chunk's lines stay within the token budget (estimated). */
export function chunkTranscript(transcript: Transcript, tags: ReadonlyMap<string, string>, budgetTokens: number): TranscriptChunk[] {
  const names = new Map(transcript.speakers.map((s) => [s.id, s.name]));
  const groups: Utterance[][] = [];
  let current: Utterance[] = [];
  let used = 0;
  for (const utterance of transcript.utterances) {
    // A minute marker costs a few tokens more; the margin absorbs it.
    const cost = estimateTokens(line(utterance, tags)) + 1;
    if (current.length > 0 && used + cost > budgetTokens) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(utterance);
    used += cost;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((utterances) => render(utterances, tags, names));
}

function render(utterances: Utterance[], tags: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): TranscriptChunk {
  const lines: string[] = [];
  let minute = -1;
  for (const utterance of utterances) {
    const at = Math.floor(utterance.startMs / 60_000);
    if (at !== minute) {
      lines.push(`-- ${clockTime(at * 60_000)} --`);
      minute = at;
    }
    lines.push(line(utterance, tags));
  }
  const speakers = [...new Set(utterances.map((u) => u.speakerId))];
  const legend = speakers.map((id) => `${tags.get(id) ?? '?'}=${names.get(id) ?? id}`).join('; ');
  const first = utterances[0];
  const endMs = Math.max(0, ...utterances.map((u) => u.endMs));
  return { utterances, text: lines.join('\n'), legend, startMs: first?.startMs ?? 0, endMs };
}

const line = (utterance: Utterance, tags: ReadonlyMap<string, string>): string =>
  `[${utterance.id} ${tags.get(utterance.speakerId) ?? '?'}] ${utterance.text.replace(/\s+/g, ' ').trim()}`;
