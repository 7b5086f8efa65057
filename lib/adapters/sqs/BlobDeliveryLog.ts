import { CONTROL_PREFIX } from '../../domain/meetings/resultKeys.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import { DeliverySchema, type Delivery, type DeliveryStatus } from '../../domain/crm/schema.js';
import { findJson, putJson } from '../../domain/jsonBlobs.js';

const ID = /^msg_[0-9a-f]{24}$/;

export const deliveriesPrefix = (tenantId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/deliveries/`;
const deliveryKey = (tenantId: string, id: string): string => `${deliveriesPrefix(tenantId)}${id}.json`;

/**
 * The durable record of CRM deliveries on AWS: one JSON object per message in the blob store,
 * beside the tenant's subscriptions, holding its status and every attempt. SQS only carries
 * pointers to these records and schedules the attempts; the log is what the API lists and replays.
 */
export class BlobDeliveryLog {
  constructor(private readonly blobs: BlobStore) {}

  async get(tenantId: string, id: string): Promise<Delivery | null> {
    if (!ID.test(id)) return null;
    const delivery = await findJson(this.blobs, deliveryKey(tenantId, id), DeliverySchema);
    return delivery !== null && delivery.tenantId === tenantId ? delivery : null;
  }

  put(delivery: Delivery): Promise<void> {
    const parsed = DeliverySchema.parse(delivery);
    return putJson(this.blobs, deliveryKey(parsed.tenantId, parsed.id), parsed);
  }

  /** Deletes the records: a queued message (a pointer) whose record is gone is not sent; the consumer moves it to the dead-letter queue. */
  async remove(tenantId: string, ids: readonly string[]): Promise<void> {
    const keys = ids.filter((id) => ID.test(id)).map((id) => deliveryKey(tenantId, id));
    if (keys.length > 0) await this.blobs.delete(keys);
  }

  /** The tenant's deliveries, oldest first (the same order as the local queue's log). */
  async list(tenantId: string, status?: DeliveryStatus): Promise<Delivery[]> {
    const keys = (await this.blobs.list(deliveriesPrefix(tenantId))).filter((key) => key.endsWith('.json'));
    const found = await Promise.all(keys.map((key) => findJson(this.blobs, key, DeliverySchema)));
    return found
      .filter((d): d is Delivery => d !== null && d.tenantId === tenantId && (status === undefined || d.status === status))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
