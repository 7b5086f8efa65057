import { ConflictError } from '../errors.js';

/** The tenant requires consent and none is recorded for the meeting: nothing may be sent to a provider yet. */
export class ConsentRequiredError extends ConflictError {
  override readonly name = 'ConsentRequiredError';
}
