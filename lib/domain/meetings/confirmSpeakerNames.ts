import type { StartMeetingDeps } from '../intake/startMeeting.js';
import { resultFiles, resultKey } from './resultKeys.js';
import { SpeakerNameProposalsSchema, type SpeakerNameProposal } from '../understanding/speakerNames/speakerNameSchema.js';
import { findJson, putJson } from '../jsonBlobs.js';
import { MeetingNotReadyError } from './errors.js';
import { findCatalogEntry } from './catalogReads.js';
import { MeetingNotFoundError } from './meetingErrors.js';
import { renameSpeakers } from './renameSpeakers.js';

/** A meeting's proposed speaker names; empty when none were proposed, null when there is no such meeting. */
export async function speakerNameProposals(deps: Pick<StartMeetingDeps, 'blobs'>, tenantId: string, meetingId: string): Promise<SpeakerNameProposal[] | null> {
  const entry = await findCatalogEntry(deps.blobs, tenantId, meetingId);
  if (entry === null) return null;
  return (await findJson(deps.blobs, resultKey(entry.resultPrefix, resultFiles.speakerNames), SpeakerNameProposalsSchema))?.proposals ?? [];
}

/**
 * A person confirms proposed names (all still open, or those of the speakers given): they are
 * applied through the speaker rename, as if typed in, and marked confirmed. Nothing else ever
 * applies a proposal.
 */
export async function confirmSpeakerNames(
  deps: StartMeetingDeps,
  request: { tenantId: string; meetingId: string; speakerIds?: readonly string[]; now: Date },
): Promise<{ executionName: string; names: Record<string, string> }> {
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId} for tenant ${request.tenantId}`);
  const key = resultKey(entry.resultPrefix, resultFiles.speakerNames);
  const file = await findJson(deps.blobs, key, SpeakerNameProposalsSchema);
  if (file === null) throw new MeetingNotReadyError(`meeting ${request.meetingId} has no speaker names proposed yet`);
  const wanted = (proposal: SpeakerNameProposal): boolean => proposal.confirmedAt === null && (request.speakerIds === undefined || request.speakerIds.includes(proposal.speakerId));
  const unknown = (request.speakerIds ?? []).filter((id) => !file.proposals.some((proposal) => proposal.speakerId === id && proposal.confirmedAt === null));
  if (unknown.length > 0) throw new MeetingNotFoundError(`meeting ${request.meetingId} has no open name proposal for ${unknown.join(', ')}`);
  const names = Object.fromEntries(file.proposals.filter(wanted).map((proposal) => [proposal.speakerId, proposal.name]));
  if (Object.keys(names).length === 0) throw new MeetingNotFoundError(`meeting ${request.meetingId} has no open speaker name proposals`);
  const run = await renameSpeakers(deps, { tenantId: request.tenantId, meetingId: request.meetingId, names });
  const confirmedAt = request.now.toISOString();
  await putJson(deps.blobs, key, { ...file, proposals: file.proposals.map((proposal) => (wanted(proposal) ? { ...proposal, confirmedAt } : proposal)) });
  return { executionName: run.executionName, names };
}
