import { clockTime } from '../domain/clockTime.js';
import { resultFiles, resultKey } from '../domain/meetings/resultKeys.js';
import type { MeetingView } from '../domain/meetings/meetingView.js';
import type { BlobStore } from '../domain/ports/BlobStore.js';
import { findJson } from '../domain/jsonBlobs.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema } from '../domain/understanding/schema.js';
import { SpeakerNameProposalsSchema } from '../domain/understanding/speakerNames/speakerNameSchema.js';

/** A meeting's outcome as a person reads it in a terminal. */
export async function describeMeeting(blobs: BlobStore, meeting: MeetingView): Promise<string> {
  const lines = [`■ ${meeting.title}  (${meeting.meetingId})  — ${meeting.state}`];
  if (meeting.error !== null) lines.push(`  failed in ${meeting.error.step ?? 'an unknown step'}: ${meeting.error.name}: ${meeting.error.message}`);
  const prefix = meeting.resultPrefix;
  const [summary, actionItems, decisions, chapters, speakerNames] = await Promise.all([
    findJson(blobs, resultKey(prefix, resultFiles.summary), SummarySchema),
    findJson(blobs, resultKey(prefix, resultFiles.actionItems), ActionItemsSchema),
    findJson(blobs, resultKey(prefix, resultFiles.decisions), DecisionsSchema),
    findJson(blobs, resultKey(prefix, resultFiles.chapters), ChaptersSchema),
    findJson(blobs, resultKey(prefix, resultFiles.speakerNames), SpeakerNameProposalsSchema),
  ]);
  if (summary !== null) lines.push(`  Summary: ${summary.text || '(nothing was said)'}`);
  if (chapters !== null && chapters.chapters.length > 0) {
    lines.push('  Chapters:');
    for (const chapter of chapters.chapters) lines.push(`    ${clockTime(chapter.startMs)}  ${chapter.title}`);
  }
  if (decisions !== null) {
    lines.push(`  Decisions: ${decisions.decisions.length === 0 ? 'none' : ''}`);
    for (const decision of decisions.decisions) lines.push(`    - ${decision.text}  (${clockTime(decision.startMs)})`);
  }
  if (actionItems !== null) {
    lines.push(`  Action items: ${actionItems.items.length === 0 ? 'none' : ''}`);
    for (const item of actionItems.items) {
      const who = item.owner ?? (item.ownerKind === 'group' ? 'everyone' : 'unassigned');
      const due = item.dueDate === null ? '' : `, due ${item.dueDate}`;
      lines.push(`    - [${who}${due}] ${item.text}  (${clockTime(item.startMs)})`);
    }
  }
  const open = speakerNames?.proposals.filter((proposal) => proposal.confirmedAt === null) ?? [];
  if (open.length > 0) {
    lines.push('  Proposed speaker names (not applied):');
    for (const proposal of open) {
      const evidence = proposal.evidence.map((e) => `${e.kind} ${e.utteranceId}`).join(', ');
      lines.push(`    ${proposal.speakerId} "${proposal.currentName}" → ${proposal.name}  (confidence ${proposal.confidence}; ${evidence})`);
    }
    lines.push(`    confirm: aftercall confirm-speaker-names ${meeting.meetingId} [${open.map((p) => p.speakerId).join(' ')}]`);
  }
  for (const step of meeting.steps.filter((s) => s.state === 'skipped' || s.state === 'failed')) {
    lines.push(`  ${step.name}: ${step.state} — ${step.detail ?? ''}`);
  }
  return lines.join('\n');
}
