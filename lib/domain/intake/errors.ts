/** The webhook's signature is missing or does not match: nothing is started. */
export class UnauthorizedWebhookError extends Error {
  override readonly name = 'UnauthorizedWebhookError';
}

/** The webhook is signed but its body is not what the sender documents. */
export class InvalidWebhookError extends Error {
  override readonly name = 'InvalidWebhookError';
}
