const MIN_WORDS = 80;
const MAX_WORDS = 150;
// Meetings from a short stand-up (~2,000 words) to a long committee hearing (~20,000 words).
const SHORT_MEETING_WORDS = 2_000;
const LONG_MEETING_WORDS = 20_000;

/**
 * Words to spend on a summary of a meeting of `meetingWords` words: 80 for a short meeting,
 * rising with the logarithm of its length to 150 for a long one, since a meeting twice as long
 * rarely has twice as much worth saying.
 */
export function summaryBudget(meetingWords: number): number {
  if (meetingWords <= 0) return 0;
  const position = Math.log(meetingWords / SHORT_MEETING_WORDS) / Math.log(LONG_MEETING_WORDS / SHORT_MEETING_WORDS);
  const clamped = Math.min(1, Math.max(0, position));
  return Math.round(MIN_WORDS + clamped * (MAX_WORDS - MIN_WORDS));
}
