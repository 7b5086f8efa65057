import { resultFiles, resultKey } from '../meeting/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema, type Transcript } from '../transcript/schema.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema, type ActionItems, type Chapters, type Decisions, type Summary } from '../understanding/schema.js';
import { findJson, getJson } from './jsonResults.js';

export interface MeetingResults {
  transcript: Transcript;
  summary: Summary | null;
  actionItems: ActionItems | null;
  /** Null for meetings understood before decisions were a result, until they are reprocessed. */
  decisions: Decisions | null;
  chapters: Chapters | null;
}

/** The stored results of one meeting: the transcript must exist, the rest may not yet. */
export async function readMeetingResults(blobs: BlobStore, resultPrefix: string): Promise<MeetingResults> {
  const [transcript, summary, actionItems, decisions, chapters] = await Promise.all([
    getJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.summary), SummarySchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.actionItems), ActionItemsSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.decisions), DecisionsSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.chapters), ChaptersSchema),
  ]);
  return { transcript, summary, actionItems, decisions, chapters };
}
