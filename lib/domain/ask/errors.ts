import { BadRequestError } from '../errors.js';

/** A question that cannot be asked as given: empty, too long, a bad scope. */
export class InvalidAskInputError extends BadRequestError {
  override readonly name = 'InvalidAskInputError';
}
