import type { Context } from 'hono';
import { z } from 'zod';
import { findLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import { generatedByOfEngine } from '../../domain/labels/generatedBy.js';
import { meetingAiLabels, withAiNote } from '../../domain/labels/meetingLabels.js';
import { ManifestSchema } from '../../domain/meetings/manifestSchema.js';
import { resultFiles, resultKey } from '../../domain/meetings/resultKeys.js';
import { LanguageCode } from '../../domain/meetings/schema.js';
import { summarise, type MeetingView } from '../../domain/meetings/meetingView.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import { SpeakerNameProposalsSchema } from '../../domain/understanding/speakerNames/speakerNameSchema.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema } from '../../domain/understanding/schema.js';
import { findJsonIfValid, readShownResult } from '../../domain/jsonBlobs.js';
import { CorruptResultError } from '../../domain/errors.js';
import { applyActionItemEdits } from '../../domain/edits/actionItemEdits.js';
import { correctedTranscriptBody } from '../../domain/edits/correctedTranscriptBody.js';
import { readMeetingEditsIfValid } from '../../domain/edits/meetingEdits.js';
import { HttpError } from './errorResponse.js';

/**
 * What the meeting routes read, shared by the key-authenticated API and the share-link routes:
 * one meeting's page (status, results, labels) and its transcript in a format.
 */
export async function meetingDetail(blobs: BlobStore, meeting: MeetingView) {
  const prefix = meeting.resultPrefix;
  const [summary, actionItems, decisions, chapters, speakerNames, edits, liveCaptions] = await Promise.all([
    readShownResult(blobs, resultKey(prefix, resultFiles.summary), SummarySchema),
    readShownResult(blobs, resultKey(prefix, resultFiles.actionItems), ActionItemsSchema),
    readShownResult(blobs, resultKey(prefix, resultFiles.decisions), DecisionsSchema),
    readShownResult(blobs, resultKey(prefix, resultFiles.chapters), ChaptersSchema),
    readShownResult(blobs, resultKey(prefix, resultFiles.speakerNames), SpeakerNameProposalsSchema),
    readMeetingEditsIfValid(blobs, prefix, meeting.meetingId),
    // A corrupt file counts as there: the page then shows what is wrong with it.
    findLiveCaptions(blobs, meeting).then(
      (found) => found !== null,
      (error: unknown) => {
        if (error instanceof CorruptResultError) return true;
        throw error;
      },
    ),
  ]);
  // A corrupt file is shown as null and named, so one bad file does not hide the rest.
  const corrupt = [
    [resultFiles.summary, summary],
    [resultFiles.actionItems, actionItems],
    [resultFiles.decisions, decisions],
    [resultFiles.chapters, chapters],
    [resultFiles.speakerNames, speakerNames],
  ] as const;
  const unreadable = [...meeting.unreadable, ...corrupt.filter(([, result]) => result.corrupt).map(([file]) => file)];
  const aiLabels = meetingAiLabels(meeting.manifest, { summary: summary.value, actionItems: actionItems.value, decisions: decisions.value, chapters: chapters.value });
  // Results written before generatedBy existed get it here, so every generated result says so.
  const labelled = <T extends object>(value: T | null, generatedBy: unknown) => (value === null ? null : { ...value, generatedBy });
  return {
    meeting,
    summary: labelled(summary.value, aiLabels.summary),
    // As people left them: ticked, reworded, reassigned (edits.json, laid over the generated items).
    actionItems: labelled(actionItems.value === null ? null : { ...actionItems.value, items: applyActionItemEdits(actionItems.value.items, edits.actionItems) }, aiLabels.actionItems),
    decisions: labelled(decisions.value, aiLabels.decisions),
    chapters: labelled(chapters.value, aiLabels.chapters),
    speakerNames: speakerNames.value,
    aiLabels,
    unreadable,
    // So a page asks for live captions only when there are some (a 404 is a console error in browsers).
    hasLiveCaptions: liveCaptions,
  };
}

export const TranscriptFormat = z.enum(['json', 'vtt', 'srt']);
const CONTENT_TYPES = { json: 'application/json', vtt: 'text/vtt; charset=utf-8', srt: 'application/x-subrip; charset=utf-8' } as const;

/** The transcript (json, vtt or srt) or a translation (json or vtt), labelled as machine-made. */
export async function transcriptResponse(
  c: Context,
  blobs: BlobStore,
  meeting: { meetingId: string; resultPrefix: string } & Parameters<typeof summarise>[1],
  query: { format?: string | undefined; lang?: string | undefined },
): Promise<Response> {
  const format = TranscriptFormat.parse(query.format ?? 'json');
  const lang = query.lang === undefined ? undefined : LanguageCode.parse(query.lang);
  const file =
    lang === undefined
      ? { json: resultFiles.transcriptJson, vtt: resultFiles.transcriptVtt, srt: resultFiles.transcriptSrt }[format]
      : format === 'json'
        ? resultFiles.translationJson(lang)
        : format === 'vtt'
          ? resultFiles.translationVtt(lang)
          : null;
  if (file === null) throw new HttpError(400, 'translations are available as json and vtt');
  const stored = await blobs.getText(resultKey(meeting.resultPrefix, file));
  if (stored === null) throw new HttpError(404, `meeting ${meeting.meetingId} has no ${file} yet (state: ${(await summarise(blobs, meeting)).state})`);
  // People's line corrections, in every format of the original (translations are of the transcribed text).
  const body = lang === undefined ? await correctedTranscriptBody(blobs, meeting, format, stored, () => blobs.getText(resultKey(meeting.resultPrefix, resultFiles.transcriptJson))) : stored;
  // Machine-made text says so: a NOTE in WebVTT, and a header for every format (SRT has no comment syntax).
  const manifest = await findJsonIfValid(blobs, resultKey(meeting.resultPrefix, resultFiles.manifest), ManifestSchema);
  const engine = manifest === null ? null : lang === undefined ? manifest.engines.transcript : manifest.engines.translation;
  const generatedBy = generatedByOfEngine(engine, manifest?.aftercallVersion ?? null);
  const headers = { 'Content-Type': CONTENT_TYPES[format], 'X-Generated-By': `${generatedBy.engine}/${generatedBy.model}${generatedBy.aiGenerated ? '; ai-generated' : ''}` };
  return c.body(format === 'vtt' ? withAiNote(body, generatedBy) : body, 200, headers);
}
