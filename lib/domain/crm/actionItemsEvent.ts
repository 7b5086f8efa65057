import { createHash } from 'node:crypto';
import { RELATIVE_LINKS, type MeetingLinks } from '../meetings/links.js';
import { recordingTitle } from '../meetings/resultKeys.js';
import type { MeetingContext } from '../meetings/schema.js';
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
  /** The meeting's page: absolute under the configured public URL (AFTERCALL_WEB_URL), app-relative when none is known. */
  meetingUrl: string;
  /** The content is machine-generated: by what (engine, model, version). A receiver should label it so. */
  generatedBy: GeneratedBy & { label: string };
}

/** What an event knows beyond the run's context: the meeting's title (its identity) and where its page is. */
export interface MeetingEventContext {
  title?: string;
  links?: MeetingLinks;
}

export const meetingEventData = (meeting: Pick<MeetingContext, 'meetingId' | 'tenantId' | 'runId' | 'recordingKey'>, generatedBy: GeneratedBy, context: MeetingEventContext = {}): MeetingEventData => ({
  meetingId: meeting.meetingId,
  tenantId: meeting.tenantId,
  runId: meeting.runId,
  title: context.title ?? recordingTitle(meeting.recordingKey),
  recordingKey: meeting.recordingKey,
  meetingUrl: (context.links ?? RELATIVE_LINKS).meeting(meeting.meetingId),
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
export const actionItemPayload = (meetingId: string, item: ActionItem, links: MeetingLinks = RELATIVE_LINKS) => ({
  id: item.id,
  text: item.text,
  owner: item.owner,
  dueDate: item.dueDate,
  dueText: item.dueText,
  startMs: item.startMs,
  citations: [...item.utteranceIds],
  link: links.moment(meetingId, item.startMs),
});

export function actionItemsPublishedEvent(meeting: MeetingContext, items: readonly ActionItem[], generatedBy: GeneratedBy, now: Date, context: MeetingEventContext = {}): ActionItemsPublishedEvent {
  return {
    type: 'action_items.published',
    timestamp: now.toISOString(),
    data: {
      ...meetingEventData(meeting, generatedBy, context),
      actionItems: items.map((item) => actionItemPayload(meeting.meetingId, item, context.links)),
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
