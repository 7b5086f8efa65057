import { z } from 'zod';

export const TRANSCRIPT_SCHEMA_VERSION = 1;

export const WordSchema = z.object({
  text: z.string(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1).nullable(),
});

export const UtteranceSchema = z.object({
  /** Stable within a meeting; translations and citations refer to it. */
  id: z.string().regex(/^u\d+$/),
  speakerId: z.string().min(1),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  text: z.string(),
  confidence: z.number().min(0).max(1).nullable(),
  words: z.array(WordSchema),
});

export const SpeakerSchema = z.object({
  id: z.string().min(1),
  /** What people see; renaming a speaker changes only this. */
  name: z.string().min(1),
});

export const TranscriptSourceSchema = z.object({
  kind: z.enum(['import', 'deepgram', 'openai']),
  /** For imports: the file format; for providers: the model. */
  detail: z.string(),
  /** Key of the file the transcript was read from, or of the recording. */
  key: z.string(),
});

export const TranscriptSchema = z.object({
  schemaVersion: z.literal(TRANSCRIPT_SCHEMA_VERSION),
  meetingId: z.string(),
  language: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  speakers: z.array(SpeakerSchema),
  utterances: z.array(UtteranceSchema),
  source: TranscriptSourceSchema,
});

export type Word = z.infer<typeof WordSchema>;
export type Utterance = z.infer<typeof UtteranceSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type Transcript = z.infer<typeof TranscriptSchema>;
export type TranscriptSource = z.infer<typeof TranscriptSourceSchema>;

export const utteranceId = (index: number): string => `u${index}`;
