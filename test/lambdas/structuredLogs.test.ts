import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryHandler } from '../../lambdas/deliverWebhooks.js';
import { lambdaLogger } from '../../lib/app/lambdaLogger.js';
import { workflowStepHandler } from '../../lib/app/steps/workflowSteps.js';
import { enqueueActionItemsPublished } from '../../lib/domain/crm/publishEvents.js';
import { createSubscription } from '../../lib/domain/crm/subscriptions.js';
import { QUEUE, sqsRecord, sqsWorld } from '../adapters/sqs/sqsWorld.js';
import { meetingOf } from '../domain/crm/crmWorld.js';
import { WebhookReceiver } from '../domain/crm/webhookReceiver.js';
import { freePort } from '../support/freePort.js';

// The suite silences Powertools (vitest.config.ts); this file is about what it writes, at Lambda's
// default level. Hoisted above the imports: the handlers' logger is made when their modules load.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

const context = (requestId: string): Context =>
  ({
    awsRequestId: requestId,
    functionName: 'aftercall-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:aftercall-test',
    memoryLimitInMB: '256',
    getRemainingTimeInMillis: () => 30_000,
  }) as unknown as Context;

/** Everything the functions write to stdout and stderr while `work` runs, as lines. */
async function capture(work: () => Promise<unknown>): Promise<string[]> {
  const written: string[] = [];
  const grab = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab);
  try {
    await work().catch(() => undefined);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return written.join('').split('\n').filter((line) => line.trim() !== '');
}

describe('structured JSON logs from the Lambda handlers', () => {
  afterEach(() => vi.useRealTimers());

  const expectStructured = (lines: string[], requestId: string) => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ service: 'aftercall', function_request_id: requestId, function_name: 'aftercall-test' });
      expect(['INFO', 'WARN', 'ERROR']).toContain(entry.level);
      expect(typeof entry.message).toBe('string');
      expect(typeof entry.timestamp).toBe('string');
    }
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('a failing step logs one JSON line with its error name and the request id', async () => {
    const handler = workflowStepHandler('Publish', () => Promise.reject(new Error('deps are not needed for a bad input')));
    const entries = expectStructured(await capture(() => handler({ not: 'a publish input' }, context('req-publish-1'))), 'req-publish-1');
    expect(entries).toEqual([expect.objectContaining({ level: 'ERROR', message: 'step Publish failed', errorName: 'InvalidStepInputError' })]);
  });

  it('the webhook consumer logs what it did and what failed, never a subscription secret, signature or payload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    const world = await sqsWorld();
    const receiver = await WebhookReceiver.start();
    const secrets: string[] = [];
    try {
      for (const [tenantId, url] of [['acme', receiver.url], ['globex', `http://127.0.0.1:${await freePort()}/down`]] as const) {
        const subscription = await createSubscription(world.blobs, tenantId, { url }, new Date(), world.receivers);
        if (tenantId === 'acme') receiver.secret = subscription.secret;
        secrets.push(subscription.secret, subscription.secret.slice('whsec_'.length));
        await enqueueActionItemsPublished({ blobs: world.blobs, deliveries: world.queue, clock: () => new Date() }, meetingOf(tenantId), []);
      }
      const event = world.receive();
      // A third message whose record cannot be read: the consumer logs it as an error.
      event.Records.push(sqsRecord({ messageId: 'm-broken', body: event.Records[0]?.body.replace('acme', 'initech') ?? '' }, world.fake.queueUrl(QUEUE)));
      // Errors go to the shared logger, as in lambdas/deliverWebhooks.ts.
      const consumer = world.consumer((message, details) => lambdaLogger().error(message, details));
      const handler = createDeliveryHandler(async () => consumer);

      const lines = await capture(() => handler(event, context('req-deliver-7')));

      const entries = expectStructured(lines, 'req-deliver-7');
      expect(entries).toContainEqual(expect.objectContaining({ level: 'INFO', message: 'webhook deliveries attempted', messages: 3, delivered: 1, retrying: 1 }));
      expect(entries).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'delivery message without a record: moved to the dead-letter queue', messageId: 'm-broken' }));
      const text = lines.join('\n');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/v1,[A-Za-z0-9+/=]{20,}/);
      expect(text).not.toContain('action_items.published');
      expect(receiver.messages).toHaveLength(1);
    } finally {
      await receiver.close();
      await world.close();
    }
  });
});
