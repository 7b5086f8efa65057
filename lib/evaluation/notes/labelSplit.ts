/** Where a meeting comes from, by its id: the corpora differ in how people speak. */
export function sourceOf(meetingId: string): 'ami' | 'icsi' | 'committee' {
  if (/^(?:ES|IS|TS)\d/.test(meetingId)) return 'ami';
  if (/^B[a-z]{2}\d/.test(meetingId)) return 'icsi';
  return 'committee';
}

/**
 * A fixed tune/report split across sources: within each source, meetings in id order alternate
 * tune, report, tune, ... so both halves hold every source and the split never depends on scores.
 */
export function splitForTuning(meetingIds: readonly string[]): { tune: string[]; report: string[] } {
  const bySource = new Map<string, string[]>();
  for (const id of [...meetingIds].sort()) bySource.set(sourceOf(id), [...(bySource.get(sourceOf(id)) ?? []), id]);
  const tune: string[] = [];
  const report: string[] = [];
  for (const ids of bySource.values()) ids.forEach((id, n) => (n % 2 === 0 ? tune : report).push(id));
  return { tune: tune.sort(), report: report.sort() };
}
