import { z } from 'zod';
import type { StartMeetingDeps } from '../intake/startMeeting.js';
import { resultFiles, resultKey } from './resultKeys.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { relabelResults } from '../understanding/relabelSpeakers.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema } from '../understanding/schema.js';
import { findJson, putJson } from '../jsonBlobs.js';
import { MeetingNotReadyError } from './errors.js';
import { storeTranscript } from '../workflow/steps/transcribe.js';
import { findCatalogEntry } from './catalogReads.js';
import { reprocessMeeting } from './reprocessMeeting.js';
import { MeetingNotFoundError } from './meetingErrors.js';

/** Speaker id → the name people should see, e.g. { "spk_0": "Laura" }. */
export const SpeakerNamesSchema = z.record(z.string().regex(/^spk_\d+$/), z.string().trim().min(1).max(80));

/**
 * Diarisation gives stable labels ("Speaker 0"); a person renames them once. The transcript's
 * speaker ids stay as they are, so citations and translations still line up. The stored notes
 * (summary, action items and their owners, decisions, chapters) are relabelled in place rather
 * than understood again: no model call, and the same items with the same ids, which CRM receivers
 * and links already hold. The search index and manifest are then rebuilt from the renamed results
 * by a run from the Index step.
 */
export async function renameSpeakers(
  deps: StartMeetingDeps,
  request: { tenantId: string; meetingId: string; names: Record<string, string> },
): Promise<{ executionName: string }> {
  const names = SpeakerNamesSchema.parse(request.names);
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId} for tenant ${request.tenantId}`);
  const transcript = await findJson(deps.blobs, resultKey(entry.resultPrefix, resultFiles.transcriptJson), TranscriptSchema);
  if (transcript === null) throw new MeetingNotReadyError(`meeting ${request.meetingId} has no transcript yet: its speakers can be named once a run has transcribed it`);
  const unknown = Object.keys(names).filter((id) => !transcript.speakers.some((s) => s.id === id));
  if (unknown.length > 0) throw new MeetingNotFoundError(`meeting ${request.meetingId} has no speaker ${unknown.join(', ')}`);
  const renamed = { ...transcript, speakers: transcript.speakers.map((s) => ({ ...s, name: names[s.id] ?? s.name })) };
  await storeTranscript(deps, { resultPrefix: entry.resultPrefix }, renamed);
  await relabelStoredNotes(deps, entry.resultPrefix, transcript.speakers.map((s) => ({ from: s.name, to: names[s.id] ?? s.name })));
  const run = await reprocessMeeting(deps, { tenantId: request.tenantId, meetingId: request.meetingId, from: 'index' });
  return { executionName: run.executionName };
}

async function relabelStoredNotes(deps: Pick<StartMeetingDeps, 'blobs'>, resultPrefix: string, renames: { from: string; to: string }[]): Promise<void> {
  const keys = {
    summary: resultKey(resultPrefix, resultFiles.summary),
    actionItems: resultKey(resultPrefix, resultFiles.actionItems),
    decisions: resultKey(resultPrefix, resultFiles.decisions),
    chapters: resultKey(resultPrefix, resultFiles.chapters),
  };
  const stored = {
    summary: await findJson(deps.blobs, keys.summary, SummarySchema),
    actionItems: await findJson(deps.blobs, keys.actionItems, ActionItemsSchema),
    decisions: await findJson(deps.blobs, keys.decisions, DecisionsSchema),
    chapters: await findJson(deps.blobs, keys.chapters, ChaptersSchema),
  };
  const relabelled = relabelResults(stored, renames);
  for (const file of ['summary', 'actionItems', 'decisions', 'chapters'] as const) {
    const value = relabelled[file];
    if (value !== null) await putJson(deps.blobs, keys[file], value);
  }
}
