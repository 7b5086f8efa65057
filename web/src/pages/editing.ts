import { apiFetch, getJson } from '../api.js';
import type { EditPermissions, MeetingEdits } from '../types.js';

export type { EditPermissions } from '../types.js';

export const NO_EDITS: EditPermissions = { actionItems: false, transcript: false, speakers: false };

/** The key's edit permissions; none when the server cannot say (older server, or an error). */
export async function editPermissions(base: string): Promise<EditPermissions> {
  try {
    return (await getJson<MeetingEdits>(`${base}/edits`)).permissions;
  } catch {
    return NO_EDITS;
  }
}

/** Sends a JSON body and reads the JSON answer; a refusal throws ApiError with the API's words. */
export async function sendJson<T>(method: 'PATCH' | 'PUT' | 'POST', path: string, body: unknown): Promise<T> {
  const response = await apiFetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json() as Promise<T>;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
