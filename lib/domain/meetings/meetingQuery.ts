import { z } from 'zod';
import { resultFiles, resultKey } from './resultKeys.js';
import type { CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { summarise, type MeetingSummaryView } from './meetingView.js';
import { listCatalogEntries } from './catalogReads.js';
import { BadRequestError } from '../errors.js';

/** A listing request the caller got wrong: a cursor that is not ours, a date that is not a date. */
export class InvalidMeetingQueryError extends BadRequestError {
  override readonly name = 'InvalidMeetingQueryError';
}

export interface MeetingFilters {
  /** Case-insensitive words that must all appear in the title, room, recording key, participants or summary preview. */
  q?: string;
  /** Recorded at or after this ISO date or time. */
  from?: string;
  /** Recorded at or before this ISO time; a bare date means through the end of that day. */
  to?: string;
  /** Case-insensitive part of the recording key or the title. */
  room?: string;
  /** Case-insensitive part of a speaker's name in the transcript. */
  participant?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function timeOf(value: string, name: string): number {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new InvalidMeetingQueryError(`${name} must be an ISO date or time, e.g. 2026-03-01`);
  return time;
}

/** The catalog entries that pass the filters, in listing order. Reads transcripts only for `participant`. */
export async function filterCatalog(blobs: BlobStore, tenantId: string, filters: MeetingFilters): Promise<CatalogEntry[]> {
  const from = filters.from === undefined ? -Infinity : timeOf(filters.from, 'from');
  const to = filters.to === undefined ? Infinity : timeOf(filters.to, 'to') + (DATE_ONLY.test(filters.to) ? DAY_MS - 1 : 0);
  const room = filters.room?.toLowerCase();
  const words = filters.q?.toLowerCase().split(/\s+/).filter((word) => word !== '') ?? [];
  const entries = (await listCatalogEntries(blobs, tenantId)).filter((entry) => {
    const recordedAt = Date.parse(entry.recordedAt);
    if (recordedAt < from || recordedAt > to) return false;
    if (words.length > 0) {
      const text = searchableText(entry);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return room === undefined || entry.recordingKey.toLowerCase().includes(room) || entry.title.toLowerCase().includes(room) || (entry.identity?.room?.toLowerCase().includes(room) ?? false);
  });
  const participant = filters.participant?.toLowerCase();
  if (participant === undefined) return entries;
  // The listing keeps the transcript's speaker names; entries from before it did read the transcript.
  const keep = await Promise.all(
    entries.map(async (entry) => {
      const speakers =
        entry.listing?.speakers ??
        (await findJsonIfValid(blobs, resultKey(entry.resultPrefix, resultFiles.transcriptJson), TranscriptSchema))?.speakers.map((s) => s.name) ??
        [];
      return speakers.some((name) => name.toLowerCase().includes(participant));
    }),
  );
  return entries.filter((_, index) => keep[index]);
}

/** What the text filter looks in: only what the catalog entry holds, so it reads no other file. */
function searchableText(entry: CatalogEntry): string {
  const identity = entry.identity;
  return [entry.title, entry.recordingKey, identity?.room ?? '', ...(identity?.participants ?? entry.listing?.speakers ?? []), identity?.summaryPreview ?? ''].join('\n').toLowerCase();
}

const CursorSchema = z.object({ r: z.string(), m: z.string() });

/** Opaque to callers: the position after the last meeting of a page, stable when meetings are added. */
export const encodeMeetingCursor = (entry: { recordedAt: string; meetingId: string }): string =>
  Buffer.from(JSON.stringify({ r: entry.recordedAt, m: entry.meetingId }), 'utf8').toString('base64url');

function decodeMeetingCursor(cursor: string): { r: string; m: string } {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidMeetingQueryError('cursor is not one this API returned: pass nextCursor from the previous page');
  }
}

/** One page of the tenant's meetings, newest first; nextCursor is null on the last page. */
export async function listMeetingsPage(
  blobs: BlobStore,
  tenantId: string,
  request: MeetingFilters & { limit: number; cursor?: string },
): Promise<{ meetings: MeetingSummaryView[]; nextCursor: string | null }> {
  const entries = await filterCatalog(blobs, tenantId, request);
  const after = request.cursor === undefined ? null : decodeMeetingCursor(request.cursor);
  // Keyset, not offset: a meeting added between pages neither repeats nor hides another.
  const rest = after === null ? entries : entries.filter((e) => e.recordedAt < after.r || (e.recordedAt === after.r && e.meetingId > after.m));
  const page = rest.slice(0, request.limit);
  const last = page.at(-1);
  return {
    meetings: await Promise.all(page.map((entry) => summarise(blobs, entry))),
    nextCursor: rest.length > page.length && last !== undefined ? encodeMeetingCursor(last) : null,
  };
}
