import { momentPath } from '../meetings/links.js';
import type { Citation, Passage } from './passages.js';

/**
 * The citations of one drafted sentence that rest on retrieved passages, the rule the
 * understanding step applies to its drafts (groundDraft): ids that name no retrieved passage are
 * left out, and a sentence left citing nothing is dropped by the caller. Turn ids, when the
 * answerer gives them, narrow a citation to those turns of the passage; unknown ones are ignored.
 */
export function groundSentence(draft: { passageIds: readonly string[]; utteranceIds?: readonly string[] | undefined }, passages: ReadonlyMap<string, Passage>): Citation[] {
  const citations: Citation[] = [];
  for (const passageId of new Set(draft.passageIds)) {
    const passage = passages.get(passageId);
    if (passage === undefined) continue;
    const named = passage.lines.filter((line) => draft.utteranceIds?.includes(line.utteranceId));
    const lines = named.length > 0 ? named : passage.lines;
    const startMs = Math.min(...lines.map((line) => line.startMs));
    citations.push({ passageId, meetingId: passage.meetingId, utteranceIds: lines.map((line) => line.utteranceId), startMs, link: momentPath(passage.meetingId, startMs) });
  }
  return citations;
}
