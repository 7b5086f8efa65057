import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileDeliveryQueue } from '../adapters/crm/FileDeliveryQueue.js';
import { pinnedWebhookSender } from '../adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../adapters/crm/standardWebhookSigner.js';
import { systemResolver } from '../adapters/crm/systemResolver.js';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { startEmbeddedS3Server } from '../adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { deliverDue } from '../domain/crm/deliverDue.js';
import { enqueueActionItemsPublished } from '../domain/crm/publishEvents.js';
import { createSubscription } from '../domain/crm/subscriptions.js';
import { deriveMeetingId } from '../domain/meetings/meetingId.js';
import { resultPrefixFor } from '../domain/meetings/resultKeys.js';
import type { MeetingContext } from '../domain/meetings/schema.js';

export interface DeliveryBench {
  events: number;
  seconds: number;
  perSecond: number;
}

/**
 * CRM webhook delivery from the durable file queue to a receiver on loopback that answers at
 * once: signed, posted and recorded as delivered, `events` of them.
 */
export async function benchDeliveries(dataDir: string, events: number): Promise<DeliveryBench> {
  const server = await startEmbeddedS3Server({ directory: join(dataDir, 'delivery-bench-s3'), buckets: ['delivery-bench'] });
  const client = createS3Client({ region: 'us-east-1', endpoint: server.endpoint, credentials: server.credentials });
  const blobs = new S3BlobStore(client, 'delivery-bench');
  let received = 0;
  const receiver: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
    const clock = () => new Date();
    // The receiver is on loopback: the local-development setting, as a developer would run it.
    const receivers = { policy: { allowLoopback: true }, resolve: systemResolver };
    const send = pinnedWebhookSender(receivers);
    await createSubscription(blobs, 'bench', { url, events: ['action_items.published'] }, clock(), receivers);
    await mkdir(join(dataDir, 'delivery-bench-queue'), { recursive: true });
    const queue = await FileDeliveryQueue.open(join(dataDir, 'delivery-bench-queue'));
    for (let i = 0; i < events; i += 1) {
      const recordingKey = `recordings/delivery-${i}.ogg`;
      const meetingId = deriveMeetingId('bench', recordingKey);
      const meeting = { tenantId: 'bench', meetingId, recordingKey, resultPrefix: resultPrefixFor(recordingKey), runId: meetingId } as MeetingContext;
      await enqueueActionItemsPublished({ blobs, deliveries: queue, clock }, meeting, [
        { id: 'a1', text: 'Send the minutes to everyone', owner: 'Laura', dueDate: '2026-11-27', dueText: 'by Friday', utteranceIds: ['u3'], startMs: 4000 },
      ]);
    }
    const started = performance.now();
    while (received < events) {
      const pass = await deliverDue({ queue, blobs, sign: standardWebhookSigner, send, clock, batchSize: 50 });
      if (pass.delivered + pass.retrying + pass.dead === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    return { events: received, seconds, perSecond: received / seconds };
  } finally {
    await new Promise<void>((done) => receiver.close(() => done()));
    client.destroy();
    await server.close();
  }
}
