import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';

/** No such subscription for this tenant (another tenant's id reads as absent, never as forbidden). */
export class SubscriptionNotFoundError extends NotFoundError {
  override readonly name = 'SubscriptionNotFoundError';
}
/** No such delivery for this tenant. */
export class DeliveryNotFoundError extends NotFoundError {
  override readonly name = 'DeliveryNotFoundError';
}
/** A subscription the caller asked for cannot be accepted (e.g. a receiver on an internal address). */
export class InvalidSubscriptionError extends BadRequestError {
  override readonly name = 'InvalidSubscriptionError';
}
/** Replay of a message still pending: it is already being retried. */
export class DeliveryNotReplayableError extends ConflictError {
  override readonly name = 'DeliveryNotReplayableError';
}
/**
 * A receiver webhooks may not reach: not https, or on a loopback, private, link-local or metadata
 * address (checked at subscription, and again on the address each delivery connects to).
 */
export class ReceiverRefusedError extends BadRequestError {
  override readonly name = 'ReceiverRefusedError';
}
