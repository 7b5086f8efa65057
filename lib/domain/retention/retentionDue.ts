import type { Retention } from '../tenants/tenantSettings.js';
import type { CatalogEntry } from '../meetings/schema.js';

const DAY_MS = 86_400_000;

/** What the sweep must remove of one meeting now: all of it, or some stores while the meeting stays. */
export type RetentionDue =
  | { kind: 'erase'; withRecording: boolean; reason: string }
  | { kind: 'trim'; stores: ('index' | 'live-captions' | 'recording')[]; reason: string }
  | { kind: 'keep' };

/**
 * Which of a meeting's data the tenant's retention has run out for, counted from when it was
 * recorded. Results running out erases the meeting (search documents, delivery log and catalog
 * entry with it); the other periods remove their store alone. A store already trimmed is not
 * trimmed again (the catalog entry remembers it until a rerun writes the entry anew).
 */
export function retentionDue(entry: Pick<CatalogEntry, 'recordedAt' | 'erasures'>, retention: Retention, now: Date): RetentionDue {
  const recordedAt = Date.parse(entry.recordedAt);
  if (!Number.isFinite(recordedAt)) return { kind: 'keep' };
  const expired = (days: number | undefined) => days !== undefined && now.getTime() - recordedAt >= days * DAY_MS;
  const period = (name: keyof Retention) => `${name} = ${retention[name]}`;
  if (expired(retention.resultsDays)) {
    const withRecording = expired(retention.recordingDays);
    return { kind: 'erase', withRecording, reason: `retention: ${[period('resultsDays'), ...(withRecording ? [period('recordingDays')] : [])].join(', ')} days after it was recorded` };
  }
  const done = new Set(entry.erasures?.flatMap((erasure) => erasure.stores) ?? []);
  const periods = [
    ['index', 'indexDays'],
    ['live-captions', 'liveCaptionsDays'],
    ['recording', 'recordingDays'],
  ] as const;
  const due = periods.filter(([store, name]) => expired(retention[name]) && !done.has(store));
  if (due.length === 0) return { kind: 'keep' };
  return { kind: 'trim', stores: due.map(([store]) => store), reason: `retention: ${due.map(([, name]) => period(name)).join(', ')} days after it was recorded` };
}
