import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema, type Transcript } from '../transcript/schema.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema, type ActionItems, type Chapters, type Decisions, type Summary } from '../understanding/schema.js';
import { findJson, getJson } from '../jsonBlobs.js';
import { applyActionItemEdits } from '../edits/actionItemEdits.js';
import { applyLineCorrections } from '../edits/lineCorrections.js';
import { readMeetingEditsIfValid } from '../edits/meetingEdits.js';

export interface MeetingResults {
  transcript: Transcript;
  summary: Summary | null;
  actionItems: ActionItems | null;
  /** Null for meetings understood before decisions were a result, until they are reprocessed. */
  decisions: Decisions | null;
  chapters: Chapters | null;
}

/**
 * The stored results of one meeting, with people's edits laid over them (corrected lines, edited
 * action items), as Index and Publish use them: the transcript must exist, the rest may not yet.
 */
export async function readMeetingResults(blobs: BlobStore, resultPrefix: string): Promise<MeetingResults> {
  const [generated, summary, generatedItems, decisions, chapters] = await Promise.all([
    getJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.summary), SummarySchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.actionItems), ActionItemsSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.decisions), DecisionsSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.chapters), ChaptersSchema),
  ]);
  const edits = await readMeetingEditsIfValid(blobs, resultPrefix, generated.meetingId);
  const { transcript } = applyLineCorrections(generated, edits.transcriptLines);
  const actionItems = generatedItems === null ? null : { ...generatedItems, items: applyActionItemEdits(generatedItems.items, edits.actionItems) };
  return { transcript, summary, actionItems, decisions, chapters };
}
