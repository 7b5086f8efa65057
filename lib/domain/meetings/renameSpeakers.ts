import { z } from 'zod';
import type { StartMeetingDeps } from '../intake/startMeeting.js';
import { resultFiles, resultKey } from '../meeting/resultKeys.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { ActionItemsSchema } from '../understanding/schema.js';
import { findJson, putJson } from '../workflow/jsonResults.js';
import { MeetingNotReadyError } from './errors.js';
import { storeTranscript } from '../workflow/steps/transcribe.js';
import { findCatalogEntry } from './meetingView.js';
import { MeetingNotFoundError, reprocessMeeting } from './reprocessMeeting.js';

/** Speaker id → the name people should see, e.g. { "spk_0": "Laura" }. */
export const SpeakerNamesSchema = z.record(z.string().regex(/^spk_\d+$/), z.string().trim().min(1).max(80));

/**
 * Diarisation gives stable labels ("Speaker 0"); a person renames them once. The transcript's
 * speaker ids stay as they are, so citations and translations still line up; the search index
 * and manifest are rebuilt from the renamed transcript by a run from the Index step.
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
  // Owners are display names: follow the rename so action items name the person too.
  const actionsKey = resultKey(entry.resultPrefix, resultFiles.actionItems);
  const actions = await findJson(deps.blobs, actionsKey, ActionItemsSchema);
  if (actions !== null) {
    const byOldName = new Map(transcript.speakers.map((s) => [s.name, names[s.id] ?? s.name]));
    await putJson(deps.blobs, actionsKey, { ...actions, items: actions.items.map((item) => ({ ...item, owner: item.owner === null ? null : (byOldName.get(item.owner) ?? item.owner) })) });
  }
  const run = await reprocessMeeting(deps, { tenantId: request.tenantId, meetingId: request.meetingId, from: 'index' });
  return { executionName: run.executionName };
}
