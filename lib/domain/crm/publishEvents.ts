import { UNKNOWN_GENERATOR, type GeneratedBy } from '../labels/generatedBy.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { MeetingContext } from '../meetings/schema.js';
import type { ActionItem, Decision } from '../understanding/schema.js';
import { actionItemsPublishedEvent, deliveryId, type MeetingEventContext } from './actionItemsEvent.js';
import { decisionsPublishedEvent } from './decisionsEvent.js';
import type { DeliveryQueue } from './ports.js';
import { CRM_SCHEMA_VERSION, type Delivery, type Subscription, type WebhookEventType } from './schema.js';
import { loadSubscriptions } from './subscriptions.js';

export type PublishDeps = { blobs: BlobStore; deliveries: DeliveryQueue; clock: () => Date };

/**
 * Queues one delivery of an event per active subscription of the meeting's tenant that asked for
 * it. Called after the manifest is written; safe to call again for the same run (ids are derived).
 */
export async function enqueueMeetingEvent(
  deps: PublishDeps,
  meeting: Pick<MeetingContext, 'tenantId' | 'meetingId' | 'runId'>,
  type: WebhookEventType,
  bodyAt: (now: Date) => unknown,
  // An event of a run has one message per subscription; an event of an edit, one per edit version.
  idOf: (subscription: Subscription) => string = (subscription) => deliveryId(meeting, subscription, type),
): Promise<Delivery[]> {
  const subscriptions = (await loadSubscriptions(deps.blobs, meeting.tenantId)).filter(
    (s) => s.active && s.tenantId === meeting.tenantId && s.events.includes(type),
  );
  if (subscriptions.length === 0) return [];
  const now = deps.clock();
  const body = JSON.stringify(bodyAt(now));
  const deliveries = subscriptions.map(
    (subscription): Delivery => ({
      schemaVersion: CRM_SCHEMA_VERSION,
      id: idOf(subscription),
      tenantId: meeting.tenantId,
      subscriptionId: subscription.id,
      eventType: type,
      body,
      createdAt: now.toISOString(),
      status: 'pending',
      firstAttemptAt: null,
      nextAttemptAt: now.toISOString(),
      attempts: [],
    }),
  );
  await deps.deliveries.enqueue(deliveries);
  return deliveries;
}

/** One `action_items.published` delivery per subscription that asked for it; unnamed, the generator is labelled unknown (still AI-generated). */
export const enqueueActionItemsPublished = (deps: PublishDeps, meeting: MeetingContext, items: readonly ActionItem[], generatedBy: GeneratedBy = UNKNOWN_GENERATOR, context: MeetingEventContext = {}): Promise<Delivery[]> =>
  enqueueMeetingEvent(deps, meeting, 'action_items.published', (now) => actionItemsPublishedEvent(meeting, items, generatedBy, now, context));

/** One `decisions.published` delivery per subscription that asked for it. */
export const enqueueDecisionsPublished = (deps: PublishDeps, meeting: MeetingContext, decisions: readonly Decision[], generatedBy: GeneratedBy = UNKNOWN_GENERATOR, context: MeetingEventContext = {}): Promise<Delivery[]> =>
  enqueueMeetingEvent(deps, meeting, 'decisions.published', (now) => decisionsPublishedEvent(meeting, decisions, generatedBy, now, context));
