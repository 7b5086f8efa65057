import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../ports/BlobStore.js';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import { putJson } from '../jsonBlobs.js';
import { InvalidSubscriptionError, ReceiverRefusedError, SubscriptionNotFoundError } from './errors.js';
import { checkReceiver, type ReceiverGuard } from './receiverPolicy.js';
import {
  CRM_SCHEMA_VERSION,
  SubscriptionSchema,
  WebhookEventTypeSchema,
  type Subscription,
  type SubscriptionView,
} from './schema.js';

export const subscriptionsPrefix = (tenantId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/subscriptions/`;
const subscriptionKey = (tenantId: string, id: string): string => `${subscriptionsPrefix(tenantId)}${id}.json`;

export const NewSubscriptionSchema = z.object({
  // Which URLs are acceptable is checkReceiver's to say (with a reason), not the parser's.
  url: z.string().max(2048),
  events: z.array(WebhookEventTypeSchema).min(1).default(['action_items.published']),
});
export type NewSubscription = z.input<typeof NewSubscriptionSchema>;

/** Creates a subscription; the result carries the secret, which no later read returns. */
export async function createSubscription(
  blobs: BlobStore,
  tenantId: string,
  input: NewSubscription,
  now: Date,
  receivers: ReceiverGuard,
): Promise<Subscription> {
  const { url, events } = NewSubscriptionSchema.parse(input);
  // Receivers get meeting content: public https only (loopback too in local development).
  const target = await checkReceiver(url, receivers).catch((error: unknown) => {
    throw error instanceof ReceiverRefusedError ? new InvalidSubscriptionError(error.message, { cause: error }) : error;
  });
  const subscription: Subscription = {
    schemaVersion: CRM_SCHEMA_VERSION,
    id: `sub_${createHash('sha256').update(randomBytes(32)).digest('hex').slice(0, 24)}`,
    tenantId,
    // Stored as parsed (127.1 reads 127.0.0.1): what the log shows is what is connected to.
    url: target.url.href,
    events: [...new Set(events)],
    secret: `whsec_${randomBytes(32).toString('base64')}`,
    createdAt: now.toISOString(),
    active: true,
  };
  await putJson(blobs, subscriptionKey(tenantId, subscription.id), subscription);
  return subscription;
}

/** Null when the tenant has no such subscription (ids are only looked up under the caller's tenant). */
export async function findSubscription(blobs: BlobStore, tenantId: string, id: string): Promise<Subscription | null> {
  if (!/^sub_[0-9a-f]{24}$/.test(id)) return null;
  const text = await blobs.getText(subscriptionKey(tenantId, id));
  if (text === null) return null;
  const subscription = SubscriptionSchema.parse(JSON.parse(text));
  return subscription.tenantId === tenantId ? subscription : null;
}

export async function getSubscription(blobs: BlobStore, tenantId: string, id: string): Promise<SubscriptionView> {
  const subscription = await findSubscription(blobs, tenantId, id);
  if (subscription === null) throw new SubscriptionNotFoundError(`no subscription ${id}`);
  return viewOf(subscription);
}

/** Every subscription of the tenant, with secrets (for the publisher, never for the API). */
export async function loadSubscriptions(blobs: BlobStore, tenantId: string): Promise<Subscription[]> {
  const keys = (await blobs.list(subscriptionsPrefix(tenantId))).filter((key) => key.endsWith('.json'));
  const texts = await Promise.all(keys.map((key) => blobs.getText(key)));
  return texts.flatMap((text) => (text === null ? [] : [SubscriptionSchema.parse(JSON.parse(text))]));
}

export async function listSubscriptions(blobs: BlobStore, tenantId: string): Promise<SubscriptionView[]> {
  return (await loadSubscriptions(blobs, tenantId)).map(viewOf);
}

export async function deleteSubscription(blobs: BlobStore, tenantId: string, id: string): Promise<void> {
  if ((await findSubscription(blobs, tenantId, id)) === null) throw new SubscriptionNotFoundError(`no subscription ${id}`);
  await blobs.delete([subscriptionKey(tenantId, id)]);
}

const viewOf = ({ secret: _secret, schemaVersion: _version, ...view }: Subscription): SubscriptionView => view;
