import type { BlobStore } from '../ports/BlobStore.js';
import type { MeetingContext } from '../meeting/schema.js';
import type { ActionItem } from '../understanding/schema.js';
import { actionItemsPublishedEvent, deliveryId } from './actionItemsEvent.js';
import type { DeliveryQueue } from './ports.js';
import { CRM_SCHEMA_VERSION, type Delivery } from './schema.js';
import { loadSubscriptions } from './subscriptions.js';

/**
 * Queues one `action_items.published` delivery per active subscription of the meeting's tenant.
 * Called after the manifest is written; safe to call again for the same run (ids are derived).
 */
export async function enqueueActionItemsPublished(
  deps: { blobs: BlobStore; deliveries: DeliveryQueue; clock: () => Date },
  meeting: MeetingContext,
  items: readonly ActionItem[],
): Promise<Delivery[]> {
  const type = 'action_items.published' as const;
  const subscriptions = (await loadSubscriptions(deps.blobs, meeting.tenantId)).filter(
    (s) => s.active && s.tenantId === meeting.tenantId && s.events.includes(type),
  );
  if (subscriptions.length === 0) return [];
  const now = deps.clock();
  const body = JSON.stringify(actionItemsPublishedEvent(meeting, items, now));
  const deliveries = subscriptions.map(
    (subscription): Delivery => ({
      schemaVersion: CRM_SCHEMA_VERSION,
      id: deliveryId(meeting, subscription, type),
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
