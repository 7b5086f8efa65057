import { z } from 'zod';
import { ActionItemChangesSchema } from '../../domain/edits/editsSchema.js';
import { ActionItemSchema } from './apiSchemas.js';

const version = (what: string) =>
  z.number().int().min(0).max(1_000_000).meta({ description: `the ${what}'s edit version you read (0 when nobody has edited it): a stale one is refused with 409` });

export const ActionItemParams = z.object({
  id: z.string().meta({ description: 'meeting id, mtg_…' }),
  itemId: z.string().regex(/^(a|ae)\d{1,6}$/).meta({ description: "the action item's id as the meeting shows it (a3; a detached item's, ae2)", example: 'a1' }),
});

export const TranscriptLineParams = z.object({
  id: z.string().meta({ description: 'meeting id, mtg_…' }),
  utteranceId: z.string().regex(/^u\d{1,7}$/).meta({ description: "the transcript line's utterance id", example: 'u12' }),
});

export const ActionItemEditBody = ActionItemChangesSchema.extend({ version: version('item') })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'change at least one of done, text, owner, dueDate')
  .meta({ description: 'what to change (absent fields stay as they are) and the version you read' });

export const TranscriptLineEditBody = z.strictObject({
  version: version('line'),
  text: z.string().trim().min(1).max(2000).meta({ description: "the line's corrected text; the transcribed text removes the correction" }),
});

const SearchIndexState = z.enum(['updated', 'stale']).meta({ description: "stale: the search index could not be updated now; 'aftercall reindex' rebuilds it" });


export const ActionItemEditResponse = z.object({ actionItem: ActionItemSchema, searchIndex: SearchIndexState });

export const TranscriptLineEditResponse = z.object({
  utteranceId: z.string(),
  text: z.string(),
  originalText: z.string(),
  version: z.number().meta({ description: '0 when the correction was removed' }),
  searchIndex: SearchIndexState,
});

export const MeetingEditsResponse = z.object({
  permissions: z
    .object({ actionItems: z.boolean(), transcript: z.boolean(), speakers: z.boolean() })
    .meta({ description: "what the caller's key may edit: action items (members and admins), transcript lines and speaker names (admins)" }),
  actionItems: z.array(z.unknown()).meta({ description: 'every action item edit: its anchor (the item as generated), changes, version, who and when' }),
  transcriptLines: z.array(z.unknown()).meta({ description: 'every line correction, with applied: false when the line no longer reads what was corrected' }),
});
