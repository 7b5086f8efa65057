import { z } from 'zod';

// The wire schema of every understanding call (one chunk, a part's notes, the merge): the same
// shape at every level, so notes can be merged by the same call that writes final notes.
// Kept plain (strings, arrays, nulls; no patterns or lengths) because strict structured outputs
// support a subset of JSON Schema and the schema itself is billed as input on every call;
// grounding and date checks happen after parsing.
const Ids = z.array(z.string());

export const UnderstandingAnswerSchema = z.object({
  summary: z.array(z.object({ text: z.string(), ids: Ids })),
  actionItems: z.array(
    z.object({ text: z.string(), owner: z.string().nullable(), dueText: z.string().nullable(), dueDate: z.string().nullable(), ids: Ids }),
  ),
  decisions: z.array(z.object({ text: z.string(), ids: Ids })),
  chapters: z.array(z.object({ title: z.string(), ids: Ids })),
});
export type UnderstandingAnswer = z.infer<typeof UnderstandingAnswerSchema>;

export const UNDERSTANDING_SCHEMA_NAME = 'meeting_notes';

export const EMPTY_ANSWER: UnderstandingAnswer = { summary: [], actionItems: [], decisions: [], chapters: [] };
