import type { Context } from 'hono';
import { z } from 'zod';
import { notesPdf } from '../../adapters/export/notesPdf.js';
import { meetingNotes } from '../../domain/export/meetingNotes.js';
import { notesMarkdown } from '../../domain/export/notesMarkdown.js';
import { resultFiles, resultKey } from '../../domain/meetings/resultKeys.js';
import type { MeetingView } from '../../domain/meetings/meetingView.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import { TranscriptSchema } from '../../domain/transcript/schema.js';
import { findJsonIfValid } from '../../domain/jsonBlobs.js';
import { HttpError } from './errorResponse.js';
import { meetingDetail } from './meetingReads.js';

export const NotesExportQuery = z.strictObject({
  format: z.enum(['md', 'pdf']).meta({ description: 'md (Markdown) or pdf' }),
  transcript: z.enum(['true', 'false']).default('false').meta({ description: 'include the transcript (default false)' }),
});

/** A file name from the title: letters, digits, dots and dashes, as the web UI names downloads. */
export const exportFileName = (title: string, extension: string): string =>
  `${title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'meeting'}-notes.${extension}`;

/**
 * A meeting's notes as a download: Markdown or PDF of the summary, decisions, action items and
 * chapters (and the transcript if asked), each under its AI label. For a key or a share link alike.
 */
export async function notesExportResponse(c: Context, blobs: BlobStore, meeting: MeetingView, query: { format?: string | undefined; transcript?: string | undefined }): Promise<Response> {
  const { format, transcript: withTranscript } = NotesExportQuery.parse(query);
  if (meeting.state !== 'ready') throw new HttpError(409, `the notes of meeting ${meeting.meetingId} are not ready yet (state: ${meeting.state})`);
  const detail = await meetingDetail(blobs, meeting);
  const transcript = withTranscript === 'true' ? await findJsonIfValid(blobs, resultKey(meeting.resultPrefix, resultFiles.transcriptJson), TranscriptSchema) : null;
  if (withTranscript === 'true' && transcript === null) throw new HttpError(404, `meeting ${meeting.meetingId} has no readable transcript`);
  const notes = meetingNotes({
    title: meeting.title,
    recordedAt: meeting.recordedAt,
    summary: detail.summary,
    decisions: detail.decisions,
    actionItems: detail.actionItems,
    chapters: detail.chapters,
    transcript,
    transcriptGeneratedBy: detail.aiLabels.transcript,
  });
  const name = exportFileName(meeting.title, format);
  const disposition = `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  if (format === 'md') return c.body(notesMarkdown(notes), 200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': disposition });
  return c.body(notesPdf(notes) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': disposition });
}
