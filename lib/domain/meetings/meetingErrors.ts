import { ConflictError, NotFoundError } from '../errors.js';

export class MeetingNotFoundError extends NotFoundError {
  override readonly name = 'MeetingNotFoundError';
}

/** A run is still writing the meeting's results: deleting or rerunning it now would race that run. */
export class MeetingBusyError extends ConflictError {
  override readonly name = 'MeetingBusyError';
}
