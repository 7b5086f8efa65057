import { resultFiles, resultKey } from '../meeting/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema, type Transcript } from '../transcript/schema.js';
import { ActionItemsSchema, ChaptersSchema, SummarySchema, type ActionItems, type Chapters, type Summary } from '../understanding/schema.js';
import { findJson, getJson } from './jsonResults.js';

export interface MeetingResults {
  transcript: Transcript;
  summary: Summary | null;
  actionItems: ActionItems | null;
  chapters: Chapters | null;
}

/** The stored results of one meeting: the transcript must exist, the rest may not yet. */
export async function readMeetingResults(blobs: BlobStore, resultPrefix: string): Promise<MeetingResults> {
  const [transcript, summary, actionItems, chapters] = await Promise.all([
    getJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.summary), SummarySchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.actionItems), ActionItemsSchema),
    findJson(blobs, resultKey(resultPrefix, resultFiles.chapters), ChaptersSchema),
  ]);
  return { transcript, summary, actionItems, chapters };
}
