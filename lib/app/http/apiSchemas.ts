import { z } from 'zod';
import { GeneratedBySchema } from '../../domain/labels/generatedBy.js';
import { ListingStateSchema, ResumeFromSchema } from '../../domain/meetings/schema.js';
import { SEARCH_DOCUMENT_KINDS } from '../../domain/ports/VectorIndex.js';
import { LiveCaptionsFileSchema } from '../../domain/live/saveLiveCaptions.js';
import { TalkTimeSchema, TITLE_SOURCES } from '../../domain/meetings/meetingIdentity.js';

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

const MeetingErrorSchema = z.object({ step: z.string().nullable(), name: z.string(), message: z.string() }).nullable();

const ReadyEstimateSchema = z
  .object({
    step: z.string().nullable().meta({ description: 'the step running now, or the next to start' }),
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    recordingMs: z.number().int().meta({ description: "the recording's length: its transcript's from an earlier run, else read from the file (Ogg granule position, WAV data size), else guessed from its size at 128 kbps" }),
    recordingLengthExact: z.boolean(),
    remainingMs: z.number().int(),
    readyAt: z.string().meta({ description: 'when the notes should be ready (ISO time)' }),
    basis: z.enum(['measured', 'default']).meta({ description: "measured: each step's median time per minute of recording over the tenant's last 20 published runs; default: built-in figures, nothing measured yet" }),
    samples: z.number().int(),
  })
  .meta({ id: 'ReadyEstimate' });

export const MeetingSummarySchema = z
  .object({
    meetingId: z.string(),
    title: z.string(),
    recordingKey: z.string(),
    recordedAt: z.string(),
    state: ListingStateSchema.meta({ description: 'awaiting_consent: the tenant requires consent and none is recorded (nothing was sent to any provider; POST /meetings/{id}/consent starts the run)' }),
    degraded: z.boolean(),
    degradedReasons: z.array(z.object({ step: z.string(), reason: z.string() })).meta({ description: 'which steps fell back to the offline engine, and why' }),
    error: MeetingErrorSchema,
    updatedAt: z.string().nullable(),
    titleSource: z.enum(TITLE_SOURCES).meta({ description: "where `title` came from: the recording's `title` metadata, its room (LiveKit webhook or `room` metadata), its first informative chapter, when it was recorded, or its file name" }),
    room: z.string().nullable(),
    durationMs: z.number().int().nullable().meta({ description: "the recording's length, from its transcript; null before one exists" }),
    participants: z.array(z.string()).meta({ description: 'speakers who said something, most talk first' }),
    talkTime: z.array(TalkTimeSchema).meta({ description: "each speaker's speaking time and share of all speech, most first" }),
    summaryPreview: z.string().nullable().meta({ description: "the summary's first sentences" }),
    url: z.string().meta({ description: "the meeting's page in the web UI: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server's address)", example: 'https://aftercall.example.com/#/meetings/mtg_0123456789abcdef01234567' }),
    progress: ReadyEstimateSchema.nullable().meta({ description: 'while processing: the step running and when the notes should be ready; null otherwise' }),
  })
  .meta({ id: 'MeetingSummary' });

export const MeetingsResponse = z.object({ meetings: z.array(MeetingSummarySchema), nextCursor: z.string().nullable() });

const StepSchema = z.object({ name: z.string(), state: z.string(), detail: z.string().nullable(), startedAt: z.string().nullable(), finishedAt: z.string().nullable() });

export const MeetingResponse = z.object({
  meeting: MeetingSummarySchema.extend({
    resultPrefix: z.string(),
    steps: z.array(StepSchema),
    currentStep: z.string().nullable().meta({ description: 'while processing: the step running now (null before the first starts); the earlier results stay readable until the run replaces them' }),
    manifest: z.unknown(),
    unreadable: z.array(z.string()).meta({ description: "the meeting's corrupt files among manifest.json" }),
  }),
  summary: z.unknown().meta({ description: 'summary.json, or null before it exists (or when it is corrupt)' }),
  actionItems: z.unknown().meta({ description: "action-items.json with people's edits laid over it (each item: done, and edit: who, when, version; detached: true for an edited item a rerun no longer finds), or null" }),
  decisions: z.unknown().meta({ description: 'decisions.json (what the meeting settled, each citing utterance ids), or null before it exists or for meetings understood before decisions were a result' }),
  chapters: z.unknown().meta({ description: 'chapters.json, or null' }),
  hasLiveCaptions: z.boolean().meta({ description: 'whether the live caption relay saved captions for this meeting (GET /meetings/{id}/live-captions)' }),
  speakerNames: z.unknown().meta({ description: 'speaker-names.json: names proposed for the speakers with evidence (utterance ids), applied only by POST /meetings/{id}/speakers/confirm; or null' }),
  aiLabels: z
    .object({
      label: z.string(),
      transcript: GeneratedBySchema.nullable(),
      summary: GeneratedBySchema.nullable(),
      actionItems: GeneratedBySchema.nullable(),
      decisions: GeneratedBySchema.nullable(),
      chapters: GeneratedBySchema.nullable(),
    })
    .meta({ description: 'who generated each result (engine, model, version); show `label` ("AI-generated — may be inaccurate") beside each one' }),
  unreadable: z.array(z.string()).meta({ description: 'result files that exist but are corrupt, shown as null above (e.g. ["manifest.json"])' }),
});

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
    }),
  ),
});

/** The captions shown during the call, saved beside the recording: rough, and never the record. */
export const LiveCaptionsResponse = LiveCaptionsFileSchema.meta({ id: 'LiveCaptions' });
