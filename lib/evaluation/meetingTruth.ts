import { z } from 'zod';

/** The reference file that sits beside each evaluation meeting (`<id>.truth.json`). */
export const MeetingTruthSchema = z.object({
  id: z.string(),
  utterances: z.array(
    z.object({
      i: z.number().int().nonnegative(),
      speaker: z.string(),
      text: z.string(),
      startMs: z.number(),
      endMs: z.number(),
    }),
  ),
  chapters: z.array(
    z.object({
      title: z.string(),
      startUtterance: z.number().int().nonnegative(),
      endUtterance: z.number().int().nonnegative(),
    }),
  ),
  summary: z.string().nullable().optional(),
  /** Questions about the meeting; `relevant_text_span` holds inclusive ranges of utterance indexes, as strings. */
  queries: z
    .array(z.object({ query: z.string(), answer: z.string().optional(), relevant_text_span: z.array(z.tuple([z.coerce.number().int(), z.coerce.number().int()])).optional() }))
    .optional(),
});

export type MeetingTruth = z.infer<typeof MeetingTruthSchema>;
