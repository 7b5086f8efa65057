import { z } from 'zod';
import { AuditActorSchema } from '../audit/auditEntry.js';
import { ActionItemSchema } from '../understanding/schema.js';

export const EDITS_SCHEMA_VERSION = 1;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
const UtteranceId = z.string().regex(/^u\d+$/);

/** What a person may change on an action item; an absent field is left as it is. */
export const ActionItemChangesSchema = z.strictObject({
  done: z.boolean().optional(),
  text: z.string().trim().min(1).max(500).optional(),
  /** A person's name; null: nobody in particular. */
  owner: z.string().trim().min(1).max(80).nullable().optional(),
  dueDate: IsoDay.nullable().optional(),
});
export type ActionItemChanges = z.infer<typeof ActionItemChangesSchema>;

/** Who changed it and when, and how many times (the version a client must quote to change it again). */
const editStamp = {
  version: z.number().int().positive(),
  editedAt: z.iso.datetime(),
  editedBy: AuditActorSchema,
};

/**
 * A person's changes to one generated action item. `anchor` is the item as generated when first
 * edited: a rerun of Understand renumbers items, so an edit binds to the new item that cites the
 * same utterances (see bindActionItemEdits), never to a position.
 */
export const ActionItemEditSchema = z.object({
  id: z.string().regex(/^ae\d+$/),
  anchor: z.object({
    itemId: z.string(),
    text: z.string(),
    utteranceIds: z.array(UtteranceId).min(1),
    startMs: z.number().int().nonnegative(),
  }),
  changes: ActionItemChangesSchema,
  ...editStamp,
});
export type ActionItemEdit = z.infer<typeof ActionItemEditSchema>;

/** A corrected transcript line: applied while the line still reads `originalText` (see applyLineCorrections). */
export const LineCorrectionSchema = z.object({
  utteranceId: UtteranceId,
  originalText: z.string(),
  text: z.string().trim().min(1).max(2000),
  ...editStamp,
});
export type LineCorrection = z.infer<typeof LineCorrectionSchema>;

/** edits.json, beside the results: people's changes, kept apart from what the steps write, so a rerun never overwrites them. */
export const MeetingEditsSchema = z.object({
  schemaVersion: z.literal(EDITS_SCHEMA_VERSION),
  meetingId: z.string(),
  actionItems: z.array(ActionItemEditSchema),
  transcriptLines: z.array(LineCorrectionSchema),
});
export type MeetingEdits = z.infer<typeof MeetingEditsSchema>;

export const noEdits = (meetingId: string): MeetingEdits => ({ schemaVersion: EDITS_SCHEMA_VERSION, meetingId, actionItems: [], transcriptLines: [] });

/** On an item as readers see it: the edit's stamp and which fields it changed. */
export const EditStampSchema = z.object({ id: z.string(), ...editStamp, fields: z.array(z.string()) });

/** An action item as every read shows it: the generated item with people's edits laid over it. */
export const EditedActionItemSchema = ActionItemSchema.extend({
  done: z.boolean(),
  /** Null while nobody has changed it. */
  edit: EditStampSchema.nullable(),
  detached: z.literal(true).optional().meta({ description: 'a rerun no longer finds the item this edit was made on: kept as the person left it' }),
});
export type EditedActionItem = z.infer<typeof EditedActionItemSchema>;
