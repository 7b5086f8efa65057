import type { UnderstandingDraft } from '../../domain/ports/Understander.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { GROUP_OWNER_WORD } from './groundAnswer.js';
import { speakerNamesFromAnswer } from './speakerNamesFromAnswer.js';
import { summaryFromAnswer } from './summaryFromAnswer.js';
import { speakerTags } from './transcriptChunks.js';
import type { UnderstandingAnswer } from './understandingAnswer.js';

/**
 * The draft the understand step expects, from an answer already grounded in this transcript.
 * Times come from the cited utterances, never from the model: an action item or decision starts
 * at its earliest citation; a chapter starts at its earliest citation and runs to the next chapter's
 * start (the last one to the end of the meeting), so chapters mark the meeting without gaps
 * or overlaps. Two chapters starting at the same utterance are one. The summary has the offline
 * engine's sections; proposed speaker names are held to the offline engine's rules.
 */
export function draftFromAnswer(answer: UnderstandingAnswer, transcript: Transcript): UnderstandingDraft {
  const startOf = new Map(transcript.utterances.map((u) => [u.id, u.startMs]));
  const earliest = (ids: readonly string[]): number => Math.min(...ids.map((id) => startOf.get(id) ?? Number.POSITIVE_INFINITY));
  const meetingEnd = Math.max(transcript.durationMs, ...transcript.utterances.map((u) => u.endMs));

  const actionItems = answer.actionItems.map((item) => ({
    text: item.text,
    // The group is nobody in particular: no owner, marked as the group's.
    ...(item.owner === GROUP_OWNER_WORD ? { owner: null, ownerKind: 'group' as const } : item.owner === null ? { owner: null } : { owner: item.owner, ownerKind: 'person' as const }),
    dueDate: item.dueDate,
    dueText: item.dueText,
    utteranceIds: item.ids,
    startMs: earliest(item.ids),
  }));
  const decisions = answer.decisions.map((decision) => ({ text: decision.text, utteranceIds: decision.ids, startMs: earliest(decision.ids) }));
  const starts = answer.chapters
    .map((chapter) => ({ title: chapter.title, utteranceIds: chapter.ids, startMs: earliest(chapter.ids) }))
    .sort((a, b) => a.startMs - b.startMs)
    .filter((chapter, i, all) => i === 0 || chapter.startMs !== all[i - 1]?.startMs);
  const chapters = starts.map((chapter, i) => ({ ...chapter, endMs: starts[i + 1]?.startMs ?? Math.max(meetingEnd, chapter.startMs) }));

  return { summary: summaryFromAnswer(answer), actionItems, decisions, chapters, speakerNames: speakerNamesFromAnswer(answer, transcript, speakerTags(transcript)) };
}
