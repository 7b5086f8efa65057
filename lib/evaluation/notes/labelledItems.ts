import { z } from 'zod';

/** A labelled action item or decision of `labels/<id>.labels.json` (see labels/GUIDELINE.md). */
const Indices = z.array(z.number().int().nonnegative());

export const LabelledMeetingSchema = z.object({
  meeting: z.string(),
  actionItems: z.array(
    z.object({ i: z.number().int().nonnegative(), evidence: Indices, owner: z.string().nullable(), task: z.string(), due: z.string().nullable() }),
  ),
  decisions: z.array(z.object({ i: z.number().int().nonnegative(), evidence: Indices, decision: z.string() })),
  notes: z.string().optional(),
});

export type LabelledMeeting = z.infer<typeof LabelledMeetingSchema>;

/** What the matching rule needs of a labelled item: where it was said, and (action items) who owns it. */
export interface LabelledItem {
  i: number;
  evidence: readonly number[];
  /** Undefined for decisions, which have no owner. */
  owner?: string | null;
  text: string;
}

/** What the matching rule needs of a predicted one: where it starts and its owner. */
export interface PredictedItem {
  startMs: number;
  owner?: string | null;
  text: string;
}

/** An action item as the labels name owners: the group as "group", a person by display name. */
export const asPredictedActionItem = (item: { text: string; startMs: number; owner: string | null; ownerKind?: 'person' | 'group' | undefined }): PredictedItem => ({
  text: item.text,
  startMs: item.startMs,
  owner: item.ownerKind === 'group' ? 'group' : item.owner,
});
