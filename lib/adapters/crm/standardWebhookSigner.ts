import { Webhook } from 'standardwebhooks';
import type { WebhookSigner } from '../../domain/crm/ports.js';

/** Standard Webhooks signing (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`) with the reference library. */
export const standardWebhookSigner: WebhookSigner = (secret, msgId, timestamp, body) => new Webhook(secret).sign(msgId, timestamp, body);
