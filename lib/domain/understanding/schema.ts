import { z } from 'zod';
import { GeneratedBySchema } from '../labels/generatedBy.js';

export const UNDERSTANDING_SCHEMA_VERSION = 1;

/** Utterance ids a result is grounded in; never empty. */
const Citations = z.array(z.string().regex(/^u\d+$/)).min(1);

export const SummarySentenceSchema = z.object({
  text: z.string().min(1),
  utteranceIds: Citations,
});

/** The summary in the parts notes have; absent in summaries written before they existed. */
export const SummarySectionsSchema = z.object({
  /** Two or three sentences: what the meeting was about, who spoke. */
  overview: z.array(SummarySentenceSchema),
  keyPoints: z.array(SummarySentenceSchema),
  decisions: z.array(SummarySentenceSchema),
  /** Action items with their owners. */
  nextSteps: z.array(SummarySentenceSchema),
});

/** What every understanding result file begins with. */
const resultHeader = {
  schemaVersion: z.literal(UNDERSTANDING_SCHEMA_VERSION),
  meetingId: z.string(),
  engine: z.string(),
  /** Absent in results written before it existed: readers derive it from `engine` (generatedByOf). */
  generatedBy: GeneratedBySchema.optional(),
};

export const SummarySchema = z.object({
  ...resultHeader,
  /** The summary as one readable paragraph: every section's sentences in order. */
  text: z.string(),
  sentences: z.array(SummarySentenceSchema),
  sections: SummarySectionsSchema.optional(),
});

export const ActionItemSchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  /** Who will do it: a speaker's display name, or a name said in the meeting; null for the group or unknown. */
  owner: z.string().nullable(),
  /**
   * `person`: `owner` will do it; `group`: everyone present ("we'll ..."), `owner` is null. Absent
   * in results written before it existed, and when nobody can be told.
   */
  ownerKind: z.enum(['person', 'group']).optional(),
  /** ISO date (YYYY-MM-DD) when a due phrase could be resolved. */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The words that said when, e.g. "by Friday". */
  dueText: z.string().nullable(),
  utteranceIds: Citations,
  startMs: z.number().int().nonnegative(),
});

export const ActionItemsSchema = z.object({
  ...resultHeader,
  items: z.array(ActionItemSchema),
});

export const DecisionSchema = z.object({
  id: z.string(),
  /** What was settled, in the words of the sentence that settles it. */
  text: z.string().min(1),
  utteranceIds: Citations,
  /** When it was first said. */
  startMs: z.number().int().nonnegative(),
});

export const DecisionsSchema = z.object({
  ...resultHeader,
  decisions: z.array(DecisionSchema),
});

export const ChapterSchema = z.object({
  id: z.string(),
  title: z.string().min(1),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  utteranceIds: Citations,
});

export const ChaptersSchema = z.object({
  ...resultHeader,
  chapters: z.array(ChapterSchema),
});

export type SummarySentence = z.infer<typeof SummarySentenceSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type SummarySections = z.infer<typeof SummarySectionsSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type ActionItems = z.infer<typeof ActionItemsSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type Decisions = z.infer<typeof DecisionsSchema>;
export type Chapter = z.infer<typeof ChapterSchema>;
export type Chapters = z.infer<typeof ChaptersSchema>;
