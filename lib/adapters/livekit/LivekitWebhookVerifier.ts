import { WebhookReceiver } from 'livekit-server-sdk';
import { UnauthorizedWebhookError } from '../../domain/intake/errors.js';

/** Checks a LiveKit webhook's signature the way LiveKit signs it, over the exact raw body. */
export class LivekitWebhookVerifier {
  private readonly receiver: WebhookReceiver;

  constructor(apiKey: string, apiSecret: string) {
    this.receiver = new WebhookReceiver(apiKey, apiSecret);
  }

  /** Resolves when the body is signed by our key; the caller then parses the same raw body. */
  async verify(rawBody: string, authorization: string | undefined): Promise<void> {
    if (authorization === undefined || authorization.length === 0) {
      throw new UnauthorizedWebhookError('missing Authorization header: LiveKit signs every webhook with the API key');
    }
    try {
      await this.receiver.receive(rawBody, authorization);
    } catch (error) {
      throw new UnauthorizedWebhookError('webhook signature does not match this LiveKit API key and secret', { cause: error });
    }
  }
}
