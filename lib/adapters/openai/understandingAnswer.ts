import { z } from 'zod';

// The wire schema of every understanding call (one chunk, a part's notes, the merge): the same
// shape at every level, so notes can be merged by the same call that writes final notes.
// Kept plain (strings, arrays, nulls, one enum; no patterns or lengths) because strict structured
// outputs support a subset of JSON Schema and the schema itself is billed as input on every call;
// grounding and date checks happen after parsing. The summary's decisions and next steps are not
// asked for: they are written from `decisions` and `actionItems`, as the offline engine does.
const Ids = z.array(z.string());
const Cited = z.object({ text: z.string(), ids: Ids });

export const UnderstandingAnswerSchema = z.object({
  /** Two or three sentences: what the meeting was about and what came of it. */
  overview: z.array(Cited),
  /** The main points, each attributed to who made it. */
  keyPoints: z.array(Cited),
  actionItems: z.array(
    z.object({ text: z.string(), owner: z.string().nullable(), dueText: z.string().nullable(), dueDate: z.string().nullable(), ids: Ids }),
  ),
  decisions: z.array(Cited),
  chapters: z.array(z.object({ title: z.string(), ids: Ids })),
  /** A speaker's name as said in the meeting; `speaker` is the speaker's tag (S2), `ids` where the name is said. */
  speakerNames: z.array(z.object({ speaker: z.string(), name: z.string(), kind: z.enum(['introduced', 'addressed']), ids: Ids })),
});
export type UnderstandingAnswer = z.infer<typeof UnderstandingAnswerSchema>;

export const UNDERSTANDING_SCHEMA_NAME = 'meeting_notes';

export const EMPTY_ANSWER: UnderstandingAnswer = { overview: [], keyPoints: [], actionItems: [], decisions: [], chapters: [], speakerNames: [] };
