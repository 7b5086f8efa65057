import { AFTERCALL_VERSION } from '../../version.js';
import type { AuditActor } from '../audit/auditEntry.js';
import { generatedByOf, UNKNOWN_GENERATOR, type GeneratedBy } from '../labels/generatedBy.js';
import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import { MeetingNotReadyError } from '../meetings/errors.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { ActionItemsSchema } from '../understanding/schema.js';
import { findJson } from '../jsonBlobs.js';
import { applyActionItemEdits, changedFields, type EditedActionItem } from './actionItemEdits.js';
import { ActionItemChangesSchema, type ActionItemChanges, type ActionItemEdit } from './editsSchema.js';
import { EditConflictError, EditTargetNotFoundError } from './errors.js';
import { changeMeetingEdits } from './meetingEdits.js';

export interface EditActionItemRequest {
  meeting: { meetingId: string; resultPrefix: string };
  /** The id the item is shown with now (`a3`; a detached item's is its edit's, `ae2`). */
  itemId: string;
  /** The item's edit version the caller saw: 0 for an item nobody has edited. */
  version: number;
  changes: ActionItemChanges;
  actor: AuditActor;
}

/**
 * Ticks, rewords, reassigns or re-dates one action item. The change is stored in the meeting's
 * edits, never in action-items.json, so a rerun of Understand keeps it. Optimistic concurrency:
 * the caller quotes the version it saw, and a stale one is refused (409) rather than overwriting
 * what someone else changed in between.
 */
export async function editActionItem(
  deps: { blobs: BlobStore; clock: () => Date },
  request: EditActionItemRequest,
): Promise<{ item: EditedActionItem; fields: string[]; generatedBy: GeneratedBy }> {
  const changes = ActionItemChangesSchema.parse(request.changes);
  const fields = changedFields(changes);
  const { meetingId, resultPrefix } = request.meeting;
  return changeMeetingEdits(deps.blobs, resultPrefix, meetingId, async (edits) => {
    const generated = await findJson(deps.blobs, resultKey(resultPrefix, resultFiles.actionItems), ActionItemsSchema);
    if (generated === null) throw new MeetingNotReadyError(`meeting ${meetingId} has no action items yet`);
    const shown = applyActionItemEdits(generated.items, edits.actionItems);
    const item = shown.find((candidate) => candidate.id === request.itemId);
    if (item === undefined) throw new EditTargetNotFoundError(`meeting ${meetingId} has no action item ${request.itemId}`);
    const current = item.edit?.version ?? 0;
    if (request.version !== current) {
      const by = item.edit === null ? '' : ` by ${describeActor(item.edit.editedBy)} at ${item.edit.editedAt}`;
      throw new EditConflictError(`action item ${request.itemId} was changed${by} (version ${current}, not ${request.version}): reload it and edit again`);
    }
    const before = item.edit === null ? undefined : edits.actionItems.find((edit) => edit.id === item.edit?.id);
    const edit: ActionItemEdit = {
      id: before?.id ?? `ae${nextNumber(edits.actionItems.map((e) => e.id))}`,
      anchor: before?.anchor ?? { itemId: item.id, text: item.text, utteranceIds: item.utteranceIds, startMs: item.startMs },
      changes: { ...before?.changes, ...changes },
      version: current + 1,
      editedAt: deps.clock().toISOString(),
      editedBy: request.actor,
    };
    const actionItems = before === undefined ? [...edits.actionItems, edit] : edits.actionItems.map((e) => (e.id === edit.id ? edit : e));
    const updated = applyActionItemEdits(generated.items, actionItems).find((candidate) => candidate.edit?.id === edit.id);
    if (updated === undefined) throw new Error(`edit ${edit.id} binds to no item`);
    const generatedBy = generatedByOf(generated, AFTERCALL_VERSION) ?? UNKNOWN_GENERATOR;
    return { edits: { ...edits, actionItems }, result: { item: updated, fields, generatedBy } };
  });
}

const nextNumber = (ids: readonly string[]): number => Math.max(0, ...ids.map((id) => Number(id.replace(/^\D+/, '')))) + 1;

export const describeActor = (actor: AuditActor): string =>
  actor.type === 'apiKey' ? `key ${actor.keyId}` : actor.type === 'shareLink' ? `share link ${actor.linkId}` : actor.name;
