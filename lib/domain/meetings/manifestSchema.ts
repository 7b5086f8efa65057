import { z } from 'zod';
import { UsageLineSchema } from '../usage/usageMeter.js';
import { StepStatusSchema } from './schema.js';

export const MANIFEST_SCHEMA_VERSION = 1;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  meetingId: z.string(),
  tenantId: z.string(),
  recordingKey: z.string(),
  runId: z.string(),
  publishedAt: z.string(),
  aftercallVersion: z.string(),
  engines: z.object({
    transcript: z.string().nullable(),
    understanding: z.string().nullable(),
    translation: z.string().nullable(),
    embedding: z.string().nullable(),
  }),
  /** Every result beside the recording, with what a reader needs to trust it. */
  files: z.array(
    z.object({
      name: z.string(),
      key: z.string(),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      schemaVersion: z.number().int().nullable(),
    }),
  ),
  steps: z.array(StepStatusSchema.extend({ name: z.string(), durationMs: z.number().nullable() })),
  translations: z.array(z.object({ language: z.string(), state: z.enum(['succeeded', 'skipped', 'failed']), reason: z.string().nullable() })),
  counts: z.object({
    utterances: z.number().int(),
    speakers: z.number().int(),
    durationMs: z.number().int(),
    actionItems: z.number().int(),
    /** Absent in manifests written before decisions were a result. */
    decisions: z.number().int().optional(),
    chapters: z.number().int(),
    indexedDocuments: z.number().int().nullable(),
  }),
  /** Results produced without the configured provider or not at all, with the reason; empty when all is as configured. */
  warnings: z.array(z.object({ step: z.string(), message: z.string() })),
  /** Steps whose result came from the offline fallback because the provider failed. */
  degraded: z.array(z.object({ step: z.string(), reason: z.string() })),
  /** The state machine's retries of steps in this run. */
  retries: z.number().int().nonnegative(),
  usage: z.array(UsageLineSchema.extend({ step: z.string() })),
  cost: z.object({
    currency: z.literal('USD'),
    estimated: z.number().nonnegative(),
    lines: z.array(z.object({ item: z.string(), quantity: z.number(), unit: z.string(), usd: z.number() })),
    /** Usage the price table has no price for (counted at 0). */
    unpriced: z.array(z.string()),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;
