import { clockTime } from '../../domain/clockTime.js';
import type { UnderstandingAnswer } from './understandingAnswer.js';

/** Notes on one stretch of the meeting: what a map call returns, or a partial merge. */
export interface MeetingNotes {
  answer: UnderstandingAnswer;
  startMs: number;
  endMs: number;
}

/**
 * Notes as the merge call reads them: one line an item, ids in brackets. Lines, not JSON: the
 * merge's input is billed, and JSON's repeated keys and quotes would be most of it.
 */
export function renderNotes(parts: readonly MeetingNotes[]): string {
  return parts
    .map((part, i) => {
      const { overview, keyPoints, actionItems, decisions, chapters, speakerNames } = part.answer;
      const lines = [`Part ${i + 1} (${clockTime(part.startMs)}-${clockTime(part.endMs)})`];
      for (const point of overview) lines.push(`overview: ${point.text} ${cite(point.ids)}`);
      for (const point of keyPoints) lines.push(`point: ${point.text} ${cite(point.ids)}`);
      for (const item of actionItems) {
        const owner = item.owner === null ? '' : ` | owner: ${item.owner}`;
        const due = item.dueText === null && item.dueDate === null ? '' : ` | due: ${item.dueText ?? ''}${item.dueDate === null ? '' : ` (${item.dueDate})`}`;
        lines.push(`action: ${item.text}${owner}${due} ${cite(item.ids)}`);
      }
      for (const decision of decisions) lines.push(`decision: ${decision.text} ${cite(decision.ids)}`);
      for (const chapter of chapters) lines.push(`chapter: ${chapter.title} ${cite(chapter.ids)}`);
      for (const proposal of speakerNames) lines.push(`name: ${proposal.speaker}=${proposal.name} (${proposal.kind}) ${cite(proposal.ids)}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

const cite = (ids: readonly string[]): string => `[${ids.join(' ')}]`;
