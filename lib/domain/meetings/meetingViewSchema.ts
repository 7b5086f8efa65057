import { z } from 'zod';
import { ManifestSchema } from './manifestSchema.js';
import { ListingStateSchema, MeetingStatusSchema, StepStateSchema } from './schema.js';
import { TalkTimeSchema, TITLE_SOURCES } from './meetingIdentity.js';

/**
 * `schema | null` for a schema with an id: `.nullable()` on one makes the document's component
 * itself nullable and drops the null where it is used (zod-to-openapi), so the union says it.
 */
export const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

/**
 * A meeting as people read it — the one description of the meeting contract: meetingView.ts
 * builds it, the API answers with it (lib/app/http/apiSchemas.ts adds what is the API's), and the
 * web UI's types are generated from the API's document (web/src/api/schema.d.ts).
 */

export const ReadyEstimateSchema = z
  .object({
    step: z.string().nullable().meta({ description: 'the step running now, or the next to start' }),
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    recordingMs: z.number().int().meta({ description: "the recording's length: its transcript's from an earlier run, else read from the file (Ogg granule position, WAV data size), else guessed from its size at 128 kbps" }),
    recordingLengthExact: z.boolean().meta({ description: "false when the length was guessed from the file's size" }),
    remainingMs: z.number().int(),
    readyAt: z.string().meta({ description: 'when the notes should be ready (ISO time)' }),
    basis: z.enum(['measured', 'default']).meta({ description: "measured: each step's median time per minute of recording over the tenant's last 20 published runs; default: built-in figures, nothing measured yet" }),
    samples: z.number().int().meta({ description: 'how many published runs the speeds come from' }),
  })
  .meta({ id: 'ReadyEstimate' });

export const DegradationSchema = z.object({ step: z.string(), reason: z.string() }).meta({ id: 'Degradation' });

export const MeetingSummaryViewSchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  recordingKey: z.string(),
  recordedAt: z.string(),
  state: ListingStateSchema.meta({ description: 'awaiting_consent: the tenant requires consent and none is recorded (nothing was sent to any provider; POST /meetings/{id}/consent starts the run)' }),
  degraded: z.boolean().meta({ description: 'ready, but some results came from the offline fallback: degradedReasons says which and why' }),
  degradedReasons: z.array(DegradationSchema).meta({ description: 'which steps fell back to the offline engine, and why' }),
  error: MeetingStatusSchema.shape.error,
  updatedAt: z.string().nullable(),
  titleSource: z.enum(TITLE_SOURCES).meta({ description: "where `title` came from: the recording's `title` metadata, its room (LiveKit webhook or `room` metadata), its first informative chapter, when it was recorded, or its file name" }),
  room: z.string().nullable(),
  durationMs: z.number().int().nullable().meta({ description: "the recording's length, from its transcript; null before one exists" }),
  participants: z.array(z.string()).meta({ description: 'speakers who said something, most talk first' }),
  talkTime: z.array(TalkTimeSchema.meta({ id: 'TalkTime' })).meta({ description: "each speaker's speaking time and share of all speech, most first" }),
  summaryPreview: z.string().nullable().meta({ description: "the summary's first sentences" }),
  progress: orNull(ReadyEstimateSchema).meta({ description: 'while processing: the step running and when the notes should be ready; null otherwise' }),
});

export const StepViewSchema = z
  .object({
    name: z.string(),
    state: z.union([StepStateSchema, z.literal('pending')]),
    detail: z.string().nullable().meta({ description: 'why a step failed or was skipped' }),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Step' });

export const MeetingViewSchema = MeetingSummaryViewSchema.extend({
  resultPrefix: z.string(),
  steps: z.array(StepViewSchema),
  currentStep: z.string().nullable().meta({ description: 'while processing: the step running now (null before the first starts); the earlier results stay readable until the run replaces them' }),
  manifest: orNull(ManifestSchema.meta({ id: 'Manifest' })).meta({ description: "null before Publish, and when manifest.json is corrupt (then listed in `unreadable`); during a rerun, the earlier run's" }),
  unreadable: z.array(z.string()).meta({ description: "the meeting's corrupt files among manifest.json" }),
});

export type MeetingSummaryView = z.infer<typeof MeetingSummaryViewSchema>;
export type MeetingView = z.infer<typeof MeetingViewSchema>;
export type StepView = z.infer<typeof StepViewSchema>;
