import { forgetWaitingMeeting } from '../consent/holdForConsent.js';
import { recordingVersion } from '../intake/recordingVersion.js';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import { readTenantSettings } from '../tenants/tenantSettings.js';
import { listCatalogEntries } from '../meetings/catalogReads.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { eraseMeeting, isBeingProcessed, trimMeeting, type ErasureDeps } from './eraseMeeting.js';
import { retentionDue } from './retentionDue.js';
import type { Tombstone } from './tombstone.js';

export interface SweepReport {
  sweptAt: string;
  tenants: string[];
  /** Meetings erased, with their tombstones. */
  erased: Tombstone[];
  /** Meetings that stay, with the stores removed from them. */
  trimmed: { tenantId: string; meetingId: string; stores: string[] }[];
  /** Meetings awaiting consent whose recording was deleted: forgotten. */
  forgotten: { tenantId: string; meetingId: string }[];
  /** Due, but a run was writing them: the next sweep takes them. */
  deferred: { tenantId: string; meetingId: string }[];
}

const SWEEP_ACTOR = { type: 'system', name: 'retention-sweep' } as const;
const SETTINGS_KEY = /^_aftercall\/tenants\/([a-z0-9][a-z0-9-]{0,62})\/settings\.json$/;

/** Tenants that have settings: the only ones with a retention period or a consent rule to apply. */
export async function tenantsWithSettings(blobs: BlobStore): Promise<string[]> {
  const keys = await blobs.list(`${CONTROL_PREFIX}tenants/`);
  return keys.flatMap((key) => {
    const match = SETTINGS_KEY.exec(key);
    return match?.[1] === undefined ? [] : [match[1]];
  });
}

/**
 * One pass of the retention sweep over every tenant (or the ones named): erases the meetings
 * whose results have outlived the tenant's retention, trims the stores with shorter periods, and
 * forgets meetings that waited for consent until their recording was deleted. Idempotent: a pass
 * cut short is finished by the next. Locally a timer runs it; on AWS an EventBridge schedule.
 */
export async function sweepRetention(deps: ErasureDeps, options: { tenantIds?: readonly string[] } = {}): Promise<SweepReport> {
  const now = deps.clock();
  const report: SweepReport = { sweptAt: now.toISOString(), tenants: [], erased: [], trimmed: [], forgotten: [], deferred: [] };
  for (const tenantId of options.tenantIds ?? (await tenantsWithSettings(deps.blobs))) {
    report.tenants.push(tenantId);
    const { retention } = await readTenantSettings(deps.blobs, tenantId);
    for (const entry of await listCatalogEntries(deps.blobs, tenantId)) {
      const meeting = { tenantId, meetingId: entry.meetingId };
      if (entry.listing?.state === 'awaiting_consent') {
        if ((await recordingVersion(deps.blobs, entry.recordingKey)) === null) {
          await forgetWaitingMeeting(deps.blobs, entry);
          report.forgotten.push(meeting);
          continue;
        }
      }
      const due = retentionDue(entry, retention, now);
      if (due.kind === 'keep') continue;
      if (await isBeingProcessed(deps, entry)) {
        report.deferred.push(meeting);
        continue;
      }
      let stores: readonly string[];
      if (due.kind === 'erase') {
        const tombstone = await eraseMeeting(deps, entry, due);
        report.erased.push(tombstone);
        stores = tombstone.stores;
      } else {
        await trimMeeting(deps, entry, due);
        report.trimmed.push({ ...meeting, stores: due.stores });
        stores = due.stores;
      }
      await deps.audit.record({ tenantId, actor: SWEEP_ACTOR, action: 'meeting.erase', target: { type: 'meeting', id: entry.meetingId }, details: { reason: due.reason, stores: stores.join(','), whole: due.kind === 'erase' } });
    }
  }
  return report;
}
