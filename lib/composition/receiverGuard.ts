import { systemResolver } from '../adapters/crm/systemResolver.js';
import type { Config } from '../config/config.js';
import type { HostResolver, ReceiverGuard } from '../domain/crm/receiverPolicy.js';

/** The one rule for CRM receivers, for subscriptions and deliveries alike; tests pass their own resolver. */
export const receiverGuardFrom = (config: Pick<Config, 'AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS'>, resolve: HostResolver = systemResolver): ReceiverGuard => ({
  policy: { allowLoopback: config.AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS },
  resolve,
});
