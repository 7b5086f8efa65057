import { FileDeliveryQueue } from '../../../lib/adapters/crm/FileDeliveryQueue.js';
import { pinnedWebhookSender } from '../../../lib/adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../../../lib/adapters/crm/standardWebhookSigner.js';
import { deliverDue, type DeliverSummary } from '../../../lib/domain/crm/deliverDue.js';
import { enqueueActionItemsPublished } from '../../../lib/domain/crm/publishEvents.js';
import type { Delivery } from '../../../lib/domain/crm/schema.js';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { resultPrefixFor } from '../../../lib/domain/meetings/resultKeys.js';
import type { MeetingContext } from '../../../lib/domain/meetings/schema.js';
import type { BlobStore } from '../../../lib/domain/ports/BlobStore.js';
import type { ActionItem } from '../../../lib/domain/understanding/schema.js';
import { LOOPBACK_RECEIVERS } from '../../support/fakeResolver.js';
import { makeTempDir } from '../../support/tempDir.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';

export const HOUR_MS = 60 * 60_000;

export const ACTION_ITEMS: ActionItem[] = [
  { id: 'a1', text: 'Send the revised budget to finance', owner: 'Laura', dueDate: '2026-11-27', dueText: 'by Friday', utteranceIds: ['u3', 'u4'], startMs: 61_500 },
  { id: 'a2', text: 'Book the usability lab', owner: null, dueDate: null, dueText: null, utteranceIds: ['u9'], startMs: 240_000 },
];

export function meetingOf(tenantId: string, recordingKey = 'calls/standup.ogg', runId = 'run-1'): MeetingContext {
  return {
    tenantId,
    meetingId: deriveMeetingId(tenantId, recordingKey),
    recordingKey,
    resultPrefix: resultPrefixFor(recordingKey),
    runId,
    resumeFrom: 'transcribe',
    targetLanguages: [],
    piiRedaction: [],
    recordedAt: '2026-11-22T09:00:00.000Z',
    trigger: 's3',
  };
}

/**
 * A blob store, a file queue in a temp folder, and the worker's dependencies, with receivers on
 * loopback allowed (the local-development setting) and the clock read from Date (faked by the tests, so the receiver's timestamp check agrees with the sender).
 */
export async function crmWorld() {
  const dir = await makeTempDir('aftercall-crm-');
  const blobs: BlobStore = memoryBlobs();
  const world = {
    dir,
    blobs,
    queue: await FileDeliveryQueue.open(`${dir.path}/deliveries`),
    receivers: LOOPBACK_RECEIVERS,
    send: pinnedWebhookSender(LOOPBACK_RECEIVERS),
    clock: () => new Date(),
    /** Every back-off at its ceiling, so schedules are predictable. */
    random: () => 1,
    async reopen(): Promise<void> {
      await world.queue.close();
      world.queue = await FileDeliveryQueue.open(`${dir.path}/deliveries`);
    },
    deliver(): Promise<DeliverSummary> {
      return deliverDue({ queue: world.queue, blobs, sign: standardWebhookSigner, send: world.send, clock: world.clock, random: world.random, timeoutMs: 5_000 });
    },
    publish(meeting: MeetingContext, items: readonly ActionItem[] = ACTION_ITEMS): Promise<Delivery[]> {
      return enqueueActionItemsPublished({ blobs, deliveries: world.queue, clock: world.clock }, meeting, items);
    },
    async close(): Promise<void> {
      await world.queue.close();
      await dir.remove();
    },
  };
  return world;
}
