import { createHash } from 'node:crypto';
import type { AuditActor } from '../audit/auditEntry.js';
import type { EditedActionItem } from '../edits/actionItemEdits.js';
import type { MeetingContext } from '../meetings/schema.js';
import type { GeneratedBy } from '../labels/generatedBy.js';
import type { Delivery } from './schema.js';
import { actionItemPayload, meetingEventData, type MeetingEventContext, type MeetingEventData } from './actionItemsEvent.js';
import { enqueueMeetingEvent, type PublishDeps } from './publishEvents.js';

/**
 * The body of an `action_item.updated` webhook: the item as it now reads, what changed, who and
 * when. `actionItem.id` is the item's id in the meeting's latest `action_items.published`, so a
 * receiver finds the task it made; `change.editId` stays the same across a rerun that renumbers items.
 */
export interface ActionItemUpdatedEvent {
  type: 'action_item.updated';
  timestamp: string;
  data: MeetingEventData & {
    actionItem: Pick<EditedActionItem, 'id' | 'text' | 'owner' | 'dueDate' | 'dueText' | 'startMs' | 'done'> & { citations: string[]; link: string };
    change: {
      editId: string;
      /** Counts every change of this item: a receiver keeps the highest it has seen. */
      version: number;
      fields: string[];
      editedAt: string;
      /** An API key's public id (never its secret), or the operator. */
      editedBy: AuditActor;
    };
  };
}

type EditedMeeting = Pick<MeetingContext, 'meetingId' | 'tenantId' | 'runId' | 'recordingKey'>;

export function actionItemUpdatedEvent(meeting: EditedMeeting, item: EditedActionItem, fields: string[], generatedBy: GeneratedBy, now: Date, context: MeetingEventContext = {}): ActionItemUpdatedEvent {
  if (item.edit === null) throw new Error(`action item ${item.id} has no edit to announce`);
  return {
    type: 'action_item.updated',
    timestamp: now.toISOString(),
    data: {
      ...meetingEventData(meeting, generatedBy, context),
      actionItem: { ...actionItemPayload(meeting.meetingId, item, context.links), done: item.done },
      change: { editId: item.edit.id, version: item.edit.version, fields, editedAt: item.edit.editedAt, editedBy: item.edit.editedBy },
    },
  };
}

/** One delivery per subscription that asked for `action_item.updated`; one message id per edit version, so a retried request is sent once. */
export function enqueueActionItemUpdated(deps: PublishDeps, meeting: EditedMeeting, item: EditedActionItem, fields: string[], generatedBy: GeneratedBy, context: MeetingEventContext = {}): Promise<Delivery[]> {
  const edit = item.edit;
  if (edit === null) return Promise.resolve([]);
  return enqueueMeetingEvent(
    deps,
    meeting,
    'action_item.updated',
    (now) => actionItemUpdatedEvent(meeting, item, fields, generatedBy, now, context),
    (subscription) => `msg_${createHash('sha256').update(`${meeting.meetingId}|${edit.id}|${edit.version}|${subscription.id}|action_item.updated`).digest('hex').slice(0, 24)}`,
  );
}
