import { createHash } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { UnauthorizedWebhookError } from '../../domain/intake/errors.js';

/**
 * Checks a LiveKit webhook's signature the way LiveKit's WebhookReceiver does — an HS256 JWT
 * from our API key whose sha256 claim is the hash of the exact raw body — but leaves parsing
 * to the caller, so a signed body that is not JSON is a 400, not a 401.
 */
export class LivekitWebhookVerifier {
  private readonly verifier: TokenVerifier;

  constructor(apiKey: string, apiSecret: string) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
  }

  /** `rawBody` is the body exactly as received: the hash is over these bytes, never over decoded text. */
  async verify(rawBody: Uint8Array, authorization: string | undefined): Promise<void> {
    if (authorization === undefined || authorization.length === 0) {
      throw new UnauthorizedWebhookError('missing Authorization header: LiveKit signs every webhook with the API key');
    }
    let claims: { sha256?: string };
    try {
      claims = await this.verifier.verify(authorization);
    } catch (error) {
      throw new UnauthorizedWebhookError('webhook signature does not match this LiveKit API key and secret', { cause: error });
    }
    if (claims.sha256 !== createHash('sha256').update(rawBody).digest('base64')) {
      throw new UnauthorizedWebhookError('webhook body does not match its signature (sha256 claim)');
    }
  }
}
