import { createHash } from 'node:crypto';
import { meetingPath, momentPath } from '../meeting/links.js';
import { recordingTitle } from '../meeting/resultKeys.js';
import type { MeetingContext } from '../meeting/schema.js';
import { AI_LABEL_TEXT, type GeneratedBy } from '../labels/generatedBy.js';
import type { ActionItem } from '../understanding/schema.js';
import type { Subscription } from './schema.js';

/** What every meeting event's `data` begins with: the meeting, the run, and what generated the content. */
export interface MeetingEventData {
  meetingId: string;
  tenantId: string;
  runId: string;
  title: string;
  recordingKey: string;
  /** Relative to the app, which serves the meeting page; the receiver knows the app's origin. */
  meetingUrl: string;
  /** The content is machine-generated: by what (engine, model, version). A receiver should label it so. */
  generatedBy: GeneratedBy & { label: string };
}

export const meetingEventData = (meeting: Pick<MeetingContext, 'meetingId' | 'tenantId' | 'runId' | 'recordingKey'>, generatedBy: GeneratedBy): MeetingEventData => ({
  meetingId: meeting.meetingId,
  tenantId: meeting.tenantId,
  runId: meeting.runId,
  title: recordingTitle(meeting.recordingKey),
  recordingKey: meeting.recordingKey,
  meetingUrl: meetingPath(meeting.meetingId),
  generatedBy: { ...generatedBy, label: AI_LABEL_TEXT },
});

/** The body of an `action_items.published` webhook (the Standard Webhooks `type/timestamp/data` envelope). */
export interface ActionItemsPublishedEvent {
  type: 'action_items.published';
  timestamp: string;
  data: MeetingEventData & {
    actionItems: (Pick<ActionItem, 'id' | 'text' | 'owner' | 'dueDate' | 'dueText' | 'startMs'> & {
      /** Utterance ids of the transcript the item is grounded in. */
      citations: string[];
      link: string;
    })[];
  };
}

/** An action item as CRM events carry it: its fields, its citations and a link to the moment. */
export const actionItemPayload = (meetingId: string, item: ActionItem) => ({
  id: item.id,
  text: item.text,
  owner: item.owner,
  dueDate: item.dueDate,
  dueText: item.dueText,
  startMs: item.startMs,
  citations: [...item.utteranceIds],
  link: momentPath(meetingId, item.startMs),
});

export function actionItemsPublishedEvent(meeting: MeetingContext, items: readonly ActionItem[], generatedBy: GeneratedBy, now: Date): ActionItemsPublishedEvent {
  return {
    type: 'action_items.published',
    timestamp: now.toISOString(),
    data: {
      ...meetingEventData(meeting, generatedBy),
      actionItems: items.map((item) => actionItemPayload(meeting.meetingId, item)),
    },
  };
}

/**
 * One id per (meeting run, subscription, event): a retried Publish produces the same id, so
 * enqueueing twice is a no-op, and receivers dedupe on it. A reprocess is a new run, so a new
 * event. The meeting id is part of it because run ids are only unique within a meeting.
 */
export const deliveryId = (meeting: Pick<MeetingContext, 'meetingId' | 'runId'>, subscription: Pick<Subscription, 'id'>, type: string): string =>
  `msg_${createHash('sha256').update(`${meeting.meetingId}|${meeting.runId}|${subscription.id}|${type}`).digest('hex').slice(0, 24)}`;
