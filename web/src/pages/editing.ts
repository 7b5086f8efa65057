import { answer, api } from '../api/client.js';
import type { EditPermissions } from '../types.js';

export type { EditPermissions } from '../types.js';

export const NO_EDITS: EditPermissions = { actionItems: false, transcript: false, speakers: false };

/** The key's edit permissions; none when the server cannot say (older server, or an error). */
export async function editPermissions(meetingId: string): Promise<EditPermissions> {
  try {
    return (await answer(api().GET('/meetings/{id}/edits', { params: { path: { id: meetingId } } }))).permissions;
  } catch {
    return NO_EDITS;
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
