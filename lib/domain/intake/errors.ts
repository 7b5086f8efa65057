import { BadRequestError, UnauthorizedError } from '../errors.js';
/** The webhook's signature is missing or does not match: nothing is started. */
export class UnauthorizedWebhookError extends UnauthorizedError {
  override readonly name = 'UnauthorizedWebhookError';
}

/** The webhook is signed but its body is not what the sender documents. */
export class InvalidWebhookError extends BadRequestError {
  override readonly name = 'InvalidWebhookError';
}
