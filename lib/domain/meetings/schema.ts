import { z } from 'zod';
import { MeetingIdentitySchema } from './meetingIdentity.js';
import { DegradationSchema, UsageLineSchema } from '../usage/usageMeter.js';

export const STATUS_SCHEMA_VERSION = 1;

export const STEP_NAMES = ['intake', 'transcribe', 'translate', 'understand', 'index', 'publish'] as const;
export const StepNameSchema = z.enum(STEP_NAMES);
export type StepName = z.infer<typeof StepNameSchema>;

/** Steps a reprocess run may start from; the steps before it reuse what is stored. */
export const ResumeFromSchema = z.enum(['transcribe', 'translate', 'understand', 'index', 'publish']);
export type ResumeFrom = z.infer<typeof ResumeFromSchema>;

const TenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'tenant ids are lowercase letters, digits and dashes');
const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language code such as "fr" or "pt-BR"');

/** Personal data a tenant wants removed from transcripts before any model or index sees them. */
export const PiiKindSchema = z.enum(['card_numbers', 'account_numbers', 'ssn']);
export type PiiKind = z.infer<typeof PiiKindSchema>;

/** What every step receives: pointers and settings, never transcripts (state is capped at 256 KB). */
export const MeetingContextSchema = z.object({
  tenantId: TenantId,
  meetingId: z.string().regex(/^mtg_[0-9a-f]{24}$/),
  recordingKey: z.string().min(1).max(1024),
  resultPrefix: z.string().min(1),
  runId: z.string().min(1).max(80),
  resumeFrom: ResumeFromSchema,
  targetLanguages: z.array(LanguageCode).max(20),
  /** The tenant's PII redaction when the run started. */
  piiRedaction: z.array(PiiKindSchema).default([]),
  /** ISO time the recording ended, or the webhook arrived: the reference for "by Friday". */
  recordedAt: z.iso.datetime({ offset: true }),
  /** Where the event came from, for the status page. */
  trigger: z.enum(['livekit', 's3', 'cli', 'reprocess', 'api']),
  /** The LiveKit room the recording came from, when its webhook named one: the meeting's title. */
  room: z.string().min(1).max(128).optional(),
  /**
   * W3C trace context of the span that started the run, when tracing is on: every step's span
   * is its child, so one run is one trace although each step runs in its own invocation.
   */
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/).optional(),
});
export type MeetingContext = z.infer<typeof MeetingContextSchema>;

export const StepInputSchema = z.object({ meeting: MeetingContextSchema });
export type StepInput = z.infer<typeof StepInputSchema>;

export const StepStateSchema = z.enum(['running', 'succeeded', 'failed', 'skipped']);

export const StepStatusSchema = z.object({
  schemaVersion: z.literal(STATUS_SCHEMA_VERSION),
  step: StepNameSchema,
  runId: z.string(),
  state: StepStateSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a step failed or was skipped, in words a user can act on. */
  detail: z.string().nullable(),
  /** 1 for the first try; the state machine's retries of this step in this run raise it. */
  attempt: z.number().int().positive().default(1),
  /** What the step's provider calls consumed, for the manifest's cost. */
  usage: z.array(UsageLineSchema).default([]),
  /** Set when a fallback produced the result instead of the configured provider. */
  degraded: z.array(DegradationSchema).default([]),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const MeetingStateSchema = z.enum(['running', 'succeeded', 'failed']);
export type MeetingState = z.infer<typeof MeetingStateSchema>;

export const MeetingStatusSchema = z.object({
  schemaVersion: z.literal(STATUS_SCHEMA_VERSION),
  meetingId: z.string(),
  tenantId: z.string(),
  recordingKey: z.string(),
  runId: z.string(),
  state: MeetingStateSchema,
  updatedAt: z.string(),
  error: z.object({ step: z.string().nullable(), name: z.string(), message: z.string() }).nullable(),
  /** Published, but some results came from the offline fallback (the manifest says which and why). */
  degraded: z.boolean().default(false),
});
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** What the meeting list shows: `awaiting_consent` holds a recording no run may touch until consent is recorded. */
export const ListingStateSchema = z.enum(['awaiting_consent', 'processing', 'ready', 'failed']);

export const CatalogEntrySchema = z.object({
  schemaVersion: z.literal(STATUS_SCHEMA_VERSION),
  tenantId: z.string(),
  meetingId: z.string(),
  recordingKey: z.string(),
  resultPrefix: z.string(),
  title: z.string(),
  recordedAt: z.string(),
  createdAt: z.string(),
  /** What the meeting list shows, copied from the meeting's files whenever its status changes. */
  listing: z
    .object({
      state: ListingStateSchema,
      degraded: z.boolean(),
      error: MeetingStatusSchema.shape.error,
      updatedAt: z.string().nullable(),
      /** Null until a transcript exists. */
      speakers: z.array(z.string()).nullable(),
      /** Which steps fell back and why, as in the manifest; absent when none did. */
      degradedReasons: z.array(z.object({ step: z.string(), reason: z.string() })).optional(),
    })
    .optional(),
  /** Title, room, length, participants, talk time and summary preview (see meetingIdentity.ts); absent before the first run records it. */
  identity: MeetingIdentitySchema.optional(),
  /** What the retention sweep already removed while the meeting stays (its search documents, live captions, recording): never done twice. */
  erasures: z.array(z.object({ at: z.string(), stores: z.array(z.string()), reason: z.string() })).optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export { LanguageCode, TenantId };
