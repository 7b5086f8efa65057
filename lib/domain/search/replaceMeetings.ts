import type { MeetingDocuments, VectorIndex } from '../ports/VectorIndex.js';

/** Replaces several meetings' documents: in the index's own bulk writes where it has them, else one meeting at a time. */
export async function replaceMeetings(index: VectorIndex, tenantId: string, meetings: readonly MeetingDocuments[]): Promise<void> {
  if (meetings.length === 0) return;
  if (index.replaceMeetings !== undefined) return index.replaceMeetings(tenantId, meetings);
  for (const { meetingId, documents } of meetings) await index.replaceMeeting(tenantId, meetingId, documents);
}
