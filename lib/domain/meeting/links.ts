/** Paths of the web UI's meeting page, relative to the app: receivers and clients know its origin. */
export const meetingPath = (meetingId: string): string => `/meetings/${meetingId}`;

/** The moment something was said, for a link that opens the meeting there. */
export const momentPath = (meetingId: string, startMs: number): string => `${meetingPath(meetingId)}?t=${startMs}`;
