// HTTP mapping (for errorResponse's EXPOSED list): SubscriptionNotFoundError and
// DeliveryNotFoundError → 404, InvalidSubscriptionError and DeliveryNotReplayableError → 400 / 409.

/** No such subscription for this tenant (another tenant's id reads as absent, never as forbidden). */
export class SubscriptionNotFoundError extends Error {
  override readonly name = 'SubscriptionNotFoundError';
}
/** No such delivery for this tenant. */
export class DeliveryNotFoundError extends Error {
  override readonly name = 'DeliveryNotFoundError';
}
/** A subscription the caller asked for cannot be accepted (e.g. a receiver on an internal address). */
export class InvalidSubscriptionError extends Error {
  override readonly name = 'InvalidSubscriptionError';
}
/** Replay of a message still pending: it is already being retried. */
export class DeliveryNotReplayableError extends Error {
  override readonly name = 'DeliveryNotReplayableError';
}
/**
 * A receiver webhooks may not reach: not https, or on a loopback, private, link-local or metadata
 * address (checked at subscription, and again on the address each delivery connects to).
 */
export class ReceiverRefusedError extends Error {
  override readonly name = 'ReceiverRefusedError';
}
