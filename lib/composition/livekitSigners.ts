import type { LivekitSigner } from '../adapters/livekit/LivekitWebhookVerifier.js';
import type { Config } from '../config/config.js';
import { EMBEDDED_DEFAULTS } from '../config/embeddedDefaults.js';

/**
 * The LiveKit key pairs whose webhooks are accepted, each with the one tenant it may start
 * recordings for: LIVEKIT_API_KEY/SECRET for the default tenant (locally LiveKit's dev pair when
 * unset), LIVEKIT_TENANT_KEYS for the others.
 */
export function livekitSigners(config: Config, options: { devDefault: boolean }): LivekitSigner[] {
  const signers: LivekitSigner[] = [];
  const apiKey = config.LIVEKIT_API_KEY ?? (options.devDefault ? EMBEDDED_DEFAULTS.livekitDevKeys.apiKey : undefined);
  const apiSecret = config.LIVEKIT_API_SECRET ?? (options.devDefault ? EMBEDDED_DEFAULTS.livekitDevKeys.apiSecret : undefined);
  if (apiKey !== undefined && apiSecret !== undefined) signers.push({ tenantId: config.AFTERCALL_DEFAULT_TENANT, apiKey, apiSecret });
  for (const [tenantId, pair] of Object.entries(config.LIVEKIT_TENANT_KEYS ?? {})) signers.push({ tenantId, ...pair });
  return signers;
}
