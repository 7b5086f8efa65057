import { momentPath } from './links.js';
import { resultFiles, resultKey } from './resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { ActionItemsSchema, type ActionItem } from '../understanding/schema.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { applyActionItemEdits } from '../edits/actionItemEdits.js';
import { readMeetingEditsIfValid } from '../edits/meetingEdits.js';
import { InvalidMeetingQueryError } from './meetingQuery.js';
import { listCatalogEntries } from './catalogReads.js';

export interface TenantActionItem extends ActionItem {
  meetingId: string;
  meetingTitle: string;
  recordedAt: string;
  /** Where the web UI shows the moment it was said. */
  link: string;
}

export interface ActionItemQuery {
  /** Case-insensitive part of the owner's name. */
  owner?: string;
  /** Only items due before this date (YYYY-MM-DD); items without a due date are left out. */
  dueBefore?: string;
  limit: number;
  cursor?: string;
}

/**
 * Action items across the tenant's meetings: soonest due first (undated last), then newest
 * meeting, then order in the meeting. The cursor is an offset into that order — simple, and
 * a page boundary may shift only when a meeting is processed between requests.
 */
export async function listTenantActionItems(
  blobs: BlobStore,
  tenantId: string,
  query: ActionItemQuery,
): Promise<{ actionItems: TenantActionItem[]; nextCursor: string | null }> {
  const offset = query.cursor === undefined ? 0 : decodeOffset(query.cursor);
  const owner = query.owner?.toLowerCase();
  const entries = await listCatalogEntries(blobs, tenantId);
  const perMeeting = await Promise.all(
    entries.map(async (entry) => {
      const [stored, edits] = await Promise.all([
        findJsonIfValid(blobs, resultKey(entry.resultPrefix, resultFiles.actionItems), ActionItemsSchema),
        readMeetingEditsIfValid(blobs, entry.resultPrefix, entry.meetingId),
      ]);
      return applyActionItemEdits(stored?.items ?? [], edits.actionItems).map(
        (item): TenantActionItem => ({
          ...item,
          meetingId: entry.meetingId,
          meetingTitle: entry.title,
          recordedAt: entry.recordedAt,
          link: momentPath(entry.meetingId, item.startMs),
        }),
      );
    }),
  );
  const all = perMeeting
    .flat()
    .filter((item) => owner === undefined || (item.owner?.toLowerCase().includes(owner) ?? false))
    .filter((item) => query.dueBefore === undefined || (item.dueDate !== null && item.dueDate < query.dueBefore));
  // Meetings arrive newest first and items in meeting order; a stable sort by due date keeps that within a date.
  const sorted = all.sort((a, b) => (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99'));
  const page = sorted.slice(offset, offset + query.limit);
  const next = offset + page.length;
  return { actionItems: page, nextCursor: next < sorted.length ? encodeOffset(next) : null };
}

const encodeOffset = (offset: number): string => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) throw new InvalidMeetingQueryError('cursor is not one this API returned: pass nextCursor from the previous page');
  return Number(match[1]);
}
