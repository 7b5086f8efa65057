import { createHash } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { UnauthorizedWebhookError } from '../../domain/intake/errors.js';

/** A LiveKit API key pair and the tenant whose rooms it signs for (one LiveKit project per tenant). */
export interface LivekitSigner {
  tenantId: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * Checks a LiveKit webhook's signature the way LiveKit's WebhookReceiver does — an HS256 JWT
 * from one of our API keys whose sha256 claim is the hash of the exact raw body — and says
 * which tenant's key signed it. Parsing is left to the caller, so a signed body that is not
 * JSON is a 400, not a 401.
 */
export class LivekitWebhookVerifier {
  private readonly signers: { tenantId: string; verifier: TokenVerifier }[];

  constructor(signers: readonly LivekitSigner[]) {
    const seen = new Map<string, string>();
    for (const signer of signers) {
      const other = seen.get(signer.apiKey);
      // One key for two tenants would let either tenant's rooms be filed as the other's.
      if (other !== undefined && other !== signer.tenantId) throw new Error(`LiveKit API key ${signer.apiKey} is configured for tenants ${other} and ${signer.tenantId}: give each tenant its own key`);
      seen.set(signer.apiKey, signer.tenantId);
    }
    this.signers = signers.map((signer) => ({ tenantId: signer.tenantId, verifier: new TokenVerifier(signer.apiKey, signer.apiSecret) }));
  }

  /** The tenant whose key signed the webhook. `rawBody` is the body exactly as received: the hash is over these bytes, never over decoded text. */
  async verify(rawBody: Uint8Array, authorization: string | undefined): Promise<{ tenantId: string }> {
    if (authorization === undefined || authorization.length === 0) {
      throw new UnauthorizedWebhookError('missing Authorization header: LiveKit signs every webhook with the API key');
    }
    let signed: { tenantId: string; claims: { sha256?: string } } | null = null;
    const failures: unknown[] = [];
    // Each verifier also checks the issuer: only the pair whose key signed can accept the token.
    for (const { tenantId, verifier } of this.signers) {
      try {
        signed = { tenantId, claims: await verifier.verify(authorization) };
        break;
      } catch (error) {
        failures.push(error);
      }
    }
    if (signed === null) throw new UnauthorizedWebhookError('webhook signature does not match a configured LiveKit API key and secret', { cause: failures[0] });
    if (signed.claims.sha256 !== createHash('sha256').update(rawBody).digest('base64')) {
      throw new UnauthorizedWebhookError('webhook body does not match its signature (sha256 claim)');
    }
    return { tenantId: signed.tenantId };
  }
}
