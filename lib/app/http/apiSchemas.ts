import { z } from 'zod';
import { EditedActionItemSchema } from '../../domain/edits/editsSchema.js';
import { GeneratedBySchema } from '../../domain/labels/generatedBy.js';
import { ResumeFromSchema } from '../../domain/meetings/schema.js';
import { MeetingSummaryViewSchema, MeetingViewSchema, orNull } from '../../domain/meetings/meetingViewSchema.js';
import { SEARCH_DOCUMENT_KINDS } from '../../domain/ports/VectorIndex.js';
import { LiveCaptionsFileSchema } from '../../domain/live/saveLiveCaptions.js';
import { TranscriptSchema } from '../../domain/transcript/schema.js';
import { TranslationSchema } from '../../domain/transcript/translationSchema.js';
import { SpeakerNameProposalsSchema } from '../../domain/understanding/speakerNames/speakerNameSchema.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema } from '../../domain/understanding/schema.js';

const GeneratedBy = GeneratedBySchema.meta({ id: 'GeneratedBy' });

/**
 * The API's request and response shapes: the routes validate with them and the OpenAPI
 * document is generated from them, so the two cannot drift apart. Query objects are strict:
 * a misspelt filter is a 400, not a silently unfiltered answer.
 */

export const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, `${what} must be an ISO date or time, e.g. 2026-03-01`)
    .meta({ description: `${what}: ISO date (YYYY-MM-DD) or date-time` });
const limit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback).meta({ description: `1..100, default ${fallback}` });
const cursor = z.string().min(1).max(500).meta({ description: 'nextCursor of the previous page' });

export const ErrorSchema = z.object({ error: z.object({ status: z.number().int(), message: z.string() }) }).meta({ id: 'Error' });

export const MeetingIdParams = z.object({ id: z.string().meta({ description: 'meeting id, mtg_…', example: 'mtg_0123456789abcdef01234567' }) });

export const MeetingsQuery = z.strictObject({
  limit: limit(20),
  cursor: cursor.optional(),
  from: isoDate('recorded at or after').optional(),
  to: isoDate('recorded at or before').optional(),
  room: z.string().min(1).max(200).optional().meta({ description: 'part of the recording key or title' }),
  participant: z.string().min(1).max(200).optional().meta({ description: "part of a speaker's name" }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'words that must all appear in the title, room, recording key, participants or summary preview (case-insensitive)' }),
});

const url = z.string().meta({
  description: "the meeting's page in the web UI: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server's address)",
  example: 'https://aftercall.example.com/#/meetings/mtg_0123456789abcdef01234567',
});

/** A meeting in the list: the domain's view (meetingViewSchema.ts) and its page's URL. */
export const MeetingSummarySchema = MeetingSummaryViewSchema.extend({ url }).meta({ id: 'MeetingSummary' });

export const MeetingsResponse = z.object({ meetings: z.array(MeetingSummarySchema), nextCursor: z.string().nullable() }).meta({ id: 'MeetingsPage' });

export const ActionItemSchema = EditedActionItemSchema.meta({ id: 'ActionItem' });

const MeetingDetailMeeting = MeetingViewSchema.extend({ url }).meta({ id: 'Meeting' });

export const MeetingResponse = z
  .object({
    meeting: MeetingDetailMeeting,
    summary: orNull(SummarySchema.meta({ id: 'Summary' })).meta({ description: 'summary.json, or null before it exists (or when it is corrupt)' }),
    actionItems: orNull(ActionItemsSchema.extend({ items: z.array(ActionItemSchema) }).meta({ id: 'ActionItems' })).meta({ description: "action-items.json with people's edits laid over it (each item: done, and edit: who, when, version; detached: true for an edited item a rerun no longer finds), or null" }),
    decisions: orNull(DecisionsSchema.meta({ id: 'Decisions' })).meta({ description: 'decisions.json (what the meeting settled, each citing utterance ids), or null before it exists or for meetings understood before decisions were a result' }),
    chapters: orNull(ChaptersSchema.meta({ id: 'Chapters' })).meta({ description: 'chapters.json, or null' }),
    hasLiveCaptions: z.boolean().meta({ description: 'whether the live caption relay saved captions for this meeting (GET /meetings/{id}/live-captions)' }),
    speakerNames: orNull(SpeakerNameProposalsSchema.meta({ id: 'SpeakerNameProposals' })).meta({ description: 'speaker-names.json: names proposed for the speakers with evidence (utterance ids), applied only by POST /meetings/{id}/speakers/confirm; or null' }),
    aiLabels: z
      .object({
        label: z.string(),
        transcript: orNull(GeneratedBy),
        summary: orNull(GeneratedBy),
        actionItems: orNull(GeneratedBy),
        decisions: orNull(GeneratedBy),
        chapters: orNull(GeneratedBy),
      })
      .meta({ description: 'who generated each result (engine, model, version); show `label` ("AI-generated — may be inaccurate") beside each one' }),
    unreadable: z.array(z.string()).meta({ description: 'result files that exist but are corrupt, shown as null above (e.g. ["manifest.json"])' }),
  })
  .meta({ id: 'MeetingDetail' });

/** The transcript as JSON, or a translation's (the same utterance ids, each line's text in the language). */
export const TranscriptJson = z.union([TranscriptSchema.meta({ id: 'Transcript' }), TranslationSchema.meta({ id: 'Translation' })]);

/** Loose on purpose: the meeting is looked up first, so an unknown id is a 404 whatever the query. */
export const TranscriptQuery = z.object({
  format: z.string().optional().meta({ description: 'json (default), vtt or srt' }),
  lang: z.string().optional().meta({ description: 'a translation language, e.g. fr' }),
});

/** Documents the signed-URL form of the audio route; the route itself checks them (see apiRoutes). */
export const SignedAudioQuery = z.object({
  tenant: z.string().optional().meta({ description: 'signed URL only: the tenant the URL was issued to' }),
  expires: z.string().optional().meta({ description: 'signed URL only: expiry, seconds since 1970' }),
  sig: z.string().optional().meta({ description: 'signed URL only: HMAC-SHA256 (base64url) of tenant, meeting id and expiry' }),
});

export const AudioUrlResponse = z.object({
  url: z.string().meta({ description: 'path of the recording with a signature, valid 15 minutes: use it as <audio src>', example: '/api/meetings/mtg_…/audio?tenant=demo&expires=1767225600&sig=…' }),
  expiresAt: z.string(),
});

export const ReprocessBody = z.object({ from: ResumeFromSchema.default('transcribe') });
export const ReprocessResponse = z.object({ meetingId: z.string(), runId: z.string() });
export const SpeakersBody = z.record(z.string(), z.string()).meta({ description: 'diarised speaker id → name, e.g. {"spk_0":"Laura"}' });
export const RunResponse = z.object({ runId: z.string() });
export const ConfirmSpeakerNamesBody = z
  .object({ speakerIds: z.array(z.string().regex(/^spk_\d+$/)).min(1).optional() })
  .strict()
  .meta({ description: 'the speakers whose proposed names to apply; all open proposals when left out' });
export const ConfirmSpeakerNamesResponse = z.object({ runId: z.string(), names: z.record(z.string(), z.string()) });

export const ConsentResponse = z.object({
  meetingId: z.string(),
  consent: z.object({ grantedAt: z.string(), source: z.string(), recordedBy: z.string().nullable() }),
  runId: z.string().nullable().meta({ description: 'the run consent started, when the meeting was awaiting consent; null when it was not waiting' }),
});

export const DeleteResponse = z.object({
  meetingId: z.string(),
  deleted: z.literal(true),
  deletedObjects: z.number().int(),
  recordingKey: z.string(),
  recordingKept: z.literal(true),
  message: z.string(),
});

export const ActionItemsQuery = z.strictObject({
  owner: z.string().min(1).max(200).optional().meta({ description: "part of the owner's name" }),
  due_before: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'due_before must be a date, YYYY-MM-DD').optional(),
  limit: limit(20),
  cursor: cursor.optional(),
});

export const ActionItemsResponse = z.object({
  actionItems: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      owner: z.string().nullable(),
      dueDate: z.string().nullable(),
      dueText: z.string().nullable(),
      startMs: z.number(),
      utteranceIds: z.array(z.string()),
      meetingId: z.string(),
      meetingTitle: z.string(),
      recordedAt: z.string(),
      link: z.string().meta({ description: 'opens the meeting at the moment it was said: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server), app-relative when none is known' }),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const Kind = z.enum(SEARCH_DOCUMENT_KINDS);

export const SearchQuery = z.strictObject({
  q: z.string().meta({ description: 'free text' }),
  limit: limit(10),
  kind: z
    .union([Kind, z.array(Kind)])
    .optional()
    .transform((kind) => (kind === undefined ? undefined : Array.isArray(kind) ? kind : [kind]))
    .meta({ description: 'repeatable: transcript, summary, action_item, chapter' }),
  meetingId: z.string().min(1).max(100).optional(),
  speaker: z.string().min(1).max(200).optional().meta({ description: 'part of a speaker name or label, case-insensitive; any speaker of the passage' }),
  from: isoDate('meetings recorded at or after').optional(),
  to: isoDate('meetings recorded at or before').optional(),
});

export const SearchResponse = z.object({
  hits: z.array(
    z.object({
      meetingId: z.string(),
      kind: Kind,
      startMs: z.number(),
      endMs: z.number(),
      speaker: z.string().nullable().meta({ description: 'who says the text shown, comma-separated' }),
      speakers: z.array(z.string()).meta({ description: 'the speakers of the text shown, in order' }),
      snippet: z.string().meta({ description: 'matched words in «…»' }),
      score: z.number(),
      utteranceIds: z.array(z.string()),
    }).meta({ id: 'SearchHit' }),
  ),
});

/** The captions shown during the call, saved beside the recording: rough, and never the record. */
export const LiveCaptionsResponse = LiveCaptionsFileSchema.meta({ id: 'LiveCaptions' });

/** A meeting read through a share link: its page (without the tenant's link to it) and when the link expires. */
export const SharedMeetingResponse = MeetingResponse.extend({
  meeting: MeetingResponse.shape.meeting.omit({ url: true }),
  share: z.object({ expiresAt: z.string() }),
});
