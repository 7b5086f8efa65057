import { z } from 'zod';
import { TenantId } from '../meetings/schema.js';

export const CRM_SCHEMA_VERSION = 1;

/**
 * Events a subscription can ask for: `action_items.published` (the default, what CRMs need) and
 * `decisions.published` (what a meeting settled), each sent once per meeting run after Publish;
 * `action_item.updated`, sent each time a person ticks, rewords, reassigns or re-dates an item.
 */
export const WEBHOOK_EVENT_TYPES = ['action_items.published', 'decisions.published', 'action_item.updated'] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** Standard Webhooks secrets: `whsec_` and the base64 key the receiver verifies with. */
export const WebhookSecretSchema = z.string().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/);

export const SubscriptionIdSchema = z.string().regex(/^sub_[0-9a-f]{24}$/);

/**
 * Stored as-is, secret included: Standard Webhooks signs with the shared secret itself, so a
 * hash would not do. On AWS the secret belongs in Secrets Manager with only its ARN here.
 */
export const SubscriptionSchema = z.object({
  schemaVersion: z.literal(CRM_SCHEMA_VERSION),
  id: SubscriptionIdSchema,
  tenantId: TenantId,
  url: z.url(),
  events: z.array(WebhookEventTypeSchema).min(1),
  secret: WebhookSecretSchema,
  createdAt: z.iso.datetime({ offset: true }),
  active: z.boolean(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
/** What the API lists: everything but the secret, which is shown once at creation. */
export type SubscriptionView = Omit<Subscription, 'secret' | 'schemaVersion'>;

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'dead']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/**
 * One try at sending: the HTTP status when the receiver answered, else the error. `refused`: the
 * receiver's address is not allowed (see receiverPolicy.ts); nothing was sent and it is not retried.
 */
export const DeliveryAttemptSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  outcome: z.enum(['delivered', 'retry', 'dead', 'refused']),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

/**
 * One message to one subscription. `id` is the webhook-id: the same on every attempt and on
 * replay, so receivers can dedupe. `body` is kept serialised so every attempt signs the same bytes.
 */
export const DeliverySchema = z.object({
  schemaVersion: z.literal(CRM_SCHEMA_VERSION),
  id: z.string().regex(/^msg_[0-9a-f]{24}$/),
  tenantId: TenantId,
  subscriptionId: SubscriptionIdSchema,
  eventType: WebhookEventTypeSchema,
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  status: DeliveryStatusSchema,
  /** Start of the retry window (24 h); reset by a replay. Null until the first attempt. */
  firstAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  nextAttemptAt: z.iso.datetime({ offset: true }),
  attempts: z.array(DeliveryAttemptSchema),
});
export type Delivery = z.infer<typeof DeliverySchema>;
