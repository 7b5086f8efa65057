import { ConflictError } from '../errors.js';
/** The meeting exists but lacks what the request needs (e.g. a transcript): retrying after a successful run can help. */
export class MeetingNotReadyError extends ConflictError {
  override readonly name = 'MeetingNotReadyError';
}
