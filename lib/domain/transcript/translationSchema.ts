import { z } from 'zod';
import { GeneratedBySchema } from '../labels/generatedBy.js';
import { LanguageCode } from '../meetings/schema.js';

export const TRANSLATION_SCHEMA_VERSION = 1;

export const TranslationSchema = z.object({
  schemaVersion: z.literal(TRANSLATION_SCHEMA_VERSION),
  meetingId: z.string(),
  language: LanguageCode,
  sourceLanguage: z.string().nullable(),
  engine: z.string(),
  /** Absent in translations written before it existed: readers derive it from `engine`. */
  generatedBy: GeneratedBySchema.optional(),
  /** Same ids as the transcript's utterances: each line maps to its source line and time. */
  utterances: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type Translation = z.infer<typeof TranslationSchema>;
