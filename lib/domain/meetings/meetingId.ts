import { createHash } from 'node:crypto';

/**
 * The same tenant and recording always give the same id, so a repeated webhook finds the
 * meeting it already started instead of starting a second one.
 */
export function deriveMeetingId(tenantId: string, recordingKey: string): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${recordingKey}`).digest('hex');
  return `mtg_${digest.slice(0, 24)}`;
}

export const MEETING_ID_PATTERN = /^mtg_[0-9a-f]{24}$/;
