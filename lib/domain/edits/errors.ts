import { ConflictError, NotFoundError } from '../errors.js';

/** The item or line was changed since the caller read it: the version quoted is not the current one. */
export class EditConflictError extends ConflictError {
  override readonly name = 'EditConflictError';
}

/** The meeting has no action item or transcript line of that id. */
export class EditTargetNotFoundError extends NotFoundError {
  override readonly name = 'EditTargetNotFoundError';
}
