import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { startEmbeddedS3Server } from '../adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { deriveMeetingId } from '../domain/meetings/meetingId.js';
import { catalogKey, catalogPrefix, resultFiles, resultKey, resultPrefixFor } from '../domain/meetings/resultKeys.js';
import { STATUS_SCHEMA_VERSION, type CatalogEntry, type MeetingContext } from '../domain/meetings/schema.js';
import { forgetCatalogListing, forgetUnlisted } from '../domain/meetings/catalogEntryCache.js';
import { listingOf, refreshListing } from '../domain/meetings/listingRow.js';
import { listMeetingsPage } from '../domain/meetings/meetingQuery.js';
import { putJson } from '../domain/jsonBlobs.js';
import { writeMeetingStatus } from '../domain/workflow/meetingStatus.js';
import { percentile } from './percentile.js';

export interface ListBench {
  meetings: number;
  /** The first page in a fresh process: a LIST and a GET of every catalog entry. */
  coldMs: number;
  requests: number;
  /** Pages served over several seconds, while the catalog listing is refreshed in the background. */
  p50Ms: number;
  p95Ms: number;
  /** Pages that each wait for a LIST of the catalog: what a request pays when the process's listing is over 30 s old. */
  relistP50Ms: number;
  relistP95Ms: number;
}

/** The meeting list API's query over a tenant with `meetings` meetings in the embedded S3 store, 20 a page. */
export async function benchMeetingList(dataDir: string, meetings: number, requests = 200): Promise<ListBench> {
  const server = await startEmbeddedS3Server({ directory: join(dataDir, 'list-bench-s3'), buckets: ['list-bench'] });
  const client = createS3Client({ region: 'us-east-1', endpoint: server.endpoint, credentials: server.credentials });
  const blobs = new S3BlobStore(client, 'list-bench');
  try {
    const tenantId = 'bench';
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < meetings; i += 1) {
      const recordingKey = `recordings/meeting-${i}.ogg`;
      const meetingId = deriveMeetingId(tenantId, recordingKey);
      const recordedAt = new Date(start + i * 3_600_000).toISOString();
      const entry: CatalogEntry = { schemaVersion: STATUS_SCHEMA_VERSION, tenantId, meetingId, recordingKey, resultPrefix: resultPrefixFor(recordingKey), title: `meeting-${i}`, recordedAt, createdAt: recordedAt };
      await putJson(blobs, catalogKey(tenantId, meetingId), entry);
      const meeting = { tenantId, meetingId, recordingKey, resultPrefix: entry.resultPrefix, runId: meetingId } as MeetingContext;
      const succeeded = i % 20 !== 0;
      const status = await writeMeetingStatus({ blobs }, meeting, succeeded ? 'succeeded' : 'failed', recordedAt);
      if (succeeded) await putJson(blobs, resultKey(entry.resultPrefix, resultFiles.manifest), { schemaVersion: 1 });
      await refreshListing(blobs, meeting, listingOf(status, succeeded ? meeting.runId : null, null));
    }
    // A fresh process: nothing cached, as after a deploy or a Lambda cold start.
    forgetCatalogListing(blobs, catalogPrefix(tenantId));
    forgetUnlisted(blobs, catalogPrefix(tenantId), new Set());
    const t0 = performance.now();
    let page = await listMeetingsPage(blobs, tenantId, { limit: 20 });
    const coldMs = performance.now() - t0;
    const timePages = async (relist: boolean): Promise<number[]> => {
      const timings: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        // Walk the pages, and start over at the end: first pages are what people open most.
        const cursor = i % 10 === 0 ? undefined : (page.nextCursor ?? undefined);
        if (relist) forgetCatalogListing(blobs, catalogPrefix(tenantId));
        // Spread over several seconds, so background LISTs of the catalog run among the requests.
        else await setTimeout(15);
        const t = performance.now();
        page = await listMeetingsPage(blobs, tenantId, { limit: 20, ...(cursor === undefined ? {} : { cursor }) });
        timings.push(performance.now() - t);
      }
      return timings.sort((a, b) => a - b);
    };
    const warm = await timePages(false);
    const relisted = await timePages(true);
    return {
      meetings,
      coldMs,
      requests,
      p50Ms: percentile(warm, 0.5),
      p95Ms: percentile(warm, 0.95),
      relistP50Ms: percentile(relisted, 0.5),
      relistP95Ms: percentile(relisted, 0.95),
    };
  } finally {
    client.destroy();
    await server.close();
  }
}
