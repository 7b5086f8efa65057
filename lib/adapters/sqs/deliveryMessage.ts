import { z } from 'zod';
import { TenantId } from '../../domain/meetings/schema.js';
import type { Delivery } from '../../domain/crm/schema.js';

/**
 * What an SQS message carries: a pointer to the delivery's record in the log, never the payload
 * or the subscription's secret. Messages stay tiny, and a stale copy cannot disagree with the log.
 */
export const DeliveryMessageSchema = z.object({ tenantId: TenantId, id: z.string().regex(/^msg_[0-9a-f]{24}$/) });
export type DeliveryMessage = z.infer<typeof DeliveryMessageSchema>;

export const deliveryMessageBody = (delivery: Pick<Delivery, 'tenantId' | 'id'>): string => JSON.stringify({ tenantId: delivery.tenantId, id: delivery.id });

/** The pointer in a message body, or null when the body is not one (it can never be delivered). */
export function parseDeliveryMessage(body: string): DeliveryMessage | null {
  try {
    const parsed = DeliveryMessageSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
