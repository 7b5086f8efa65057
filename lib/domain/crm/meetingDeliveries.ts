import type { DeliveryQueue } from './ports.js';

/** The ids of a tenant's deliveries whose payload is about this meeting (every event body carries `data.meetingId`). */
export async function meetingDeliveryIds(queue: Pick<DeliveryQueue, 'list'>, tenantId: string, meetingId: string): Promise<string[]> {
  return (await queue.list(tenantId)).filter((delivery) => meetingOfBody(delivery.body) === meetingId).map((delivery) => delivery.id);
}

function meetingOfBody(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const data = typeof parsed === 'object' && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
    const id = typeof data === 'object' && data !== null ? (data as { meetingId?: unknown }).meetingId : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
