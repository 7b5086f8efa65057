import { MEETING_ID_PATTERN } from '../../domain/meetings/meetingId.js';
import type { CatalogEntry } from '../../domain/meetings/schema.js';
import { getMeeting, type MeetingView } from '../../domain/meetings/meetingView.js';
import { findCatalogEntry } from '../../domain/meetings/catalogReads.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import { findTombstone } from '../../domain/retention/tombstone.js';
import { HttpError } from './errorResponse.js';

/**
 * Finding a tenant's meeting for a route, or the error to answer: someone else's meeting id is a
 * 404 exactly like an id that does not exist, and an erased meeting answers 410 with its
 * tombstone's when, why and which stores — never content.
 */
export function meetingLookup(blobs: BlobStore) {
  const notFound = async (tenantId: string, meetingId: string): Promise<HttpError> => {
    const tombstone = MEETING_ID_PATTERN.test(meetingId) ? await findTombstone(blobs, tenantId, meetingId) : null;
    if (tombstone === null) return new HttpError(404, `no meeting ${meetingId}`);
    return new HttpError(410, `meeting ${meetingId} was erased at ${tombstone.erasedAt} (${tombstone.reason}) from: ${tombstone.stores.join(', ')}`);
  };
  return {
    /** The meeting with its steps and manifest. */
    meetingOr404: async (tenantId: string, meetingId: string): Promise<MeetingView> => {
      const meeting = await getMeeting(blobs, tenantId, meetingId);
      if (meeting === null) throw await notFound(tenantId, meetingId);
      return meeting;
    },
    /**
     * The catalog entry alone (one read): for routes that need only where the meeting's files are,
     * like each Range request of a player, not its steps and manifest.
     */
    entryOr404: async (tenantId: string, meetingId: string): Promise<CatalogEntry> => {
      const entry = await findCatalogEntry(blobs, tenantId, meetingId);
      if (entry === null) throw await notFound(tenantId, meetingId);
      return entry;
    },
  };
}

export type MeetingLookup = ReturnType<typeof meetingLookup>;
