import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRecordsPrefix } from '../../lib/domain/auth/apiKeySchema.js';
import { ManifestSchema } from '../../lib/domain/meetings/manifestSchema.js';
import { catalogKey, resultFiles, resultKey } from '../../lib/domain/meetings/resultKeys.js';
import { CatalogEntrySchema } from '../../lib/domain/meetings/schema.js';
import { startMeeting } from '../../lib/domain/intake/startMeeting.js';
import { FaultyBlobStore } from '../support/faultyBlobStore.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// Only "not found" may mean absent: a read that fails for any other reason must never be
// taken for a missing key, entry, status or step.
describe('a brief storage outage during a read', () => {
  let fixture: StackFixture;
  let blobs: FaultyBlobStore;
  let api: string;
  const retried: string[] = [];

  const readJson = async (key: string) => JSON.parse((await blobs.getText(key)) ?? 'null') as unknown;
  const transcriptOf = async () => ({ ext: 'vtt' as const, text: (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8') });

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      depsOverrides: (built) => ({ blobs: (blobs = new FaultyBlobStore(built.blobs)) }),
      onWorkflowEvent: (_execution, event) => {
        if (event?.type === 'StateRetried') retried.push(event.state.name);
      },
    });
    api = `${fixture.stack.httpUrl}/api`;
  });
  afterAll(() => fixture.close());

  it('answers a valid API key 503 with Retry-After, not 401, and the key works once the store is back', async () => {
    const key = await fixture.apiKey();
    const keyId = /^ak_([^_]+)_/.exec(key)?.[1] ?? '';
    const [recordName = ''] = await blobs.list(apiKeyRecordsPrefix(keyId));
    blobs.failReads(recordName);

    const during = await fetch(`${api}/meetings`, { headers: { Authorization: `Bearer ${key}` } });
    expect(blobs.failed).toContain(recordName);
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await during.json()).toEqual({ error: { status: 503, message: expect.stringContaining('retry') } });

    expect((await fetch(`${api}/meetings`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  it('fails Intake retryably instead of rewriting the catalog entry (title, createdAt, speakers kept)', async () => {
    const first = await fixture.process('calls/catalog.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), await transcriptOf());
    expect(first.state).toBe('ready');
    const entryKey = catalogKey(fixture.tenantId, first.meetingId);
    const before = CatalogEntrySchema.parse(await readJson(entryKey));
    // A title an earlier version kept: a rerun must not replace it with one derived from the key.
    await blobs.put(entryKey, JSON.stringify({ ...before, title: 'Quarterly kickoff' }), 'application/json');

    blobs.failReads(entryKey, { afterWriteOf: resultKey(first.resultPrefix, resultFiles.status) });
    const run = await startMeeting(
      fixture.stack.plane,
      { tenantId: fixture.tenantId, recordingKey: first.recordingKey, recordedAt: first.recordedAt, trigger: 'reprocess' },
      { runId: `${first.meetingId}-rerun` },
    );
    const after = await fixture.waitFor(first.meetingId, run.executionName);

    expect(blobs.failed).toContain(entryKey);
    expect(retried).toContain('Intake');
    expect(after.state).toBe('ready');
    const entry = CatalogEntrySchema.parse(await readJson(entryKey));
    expect(entry).toMatchObject({ title: 'Quarterly kickoff', createdAt: before.createdAt });
    expect(entry.listing?.speakers).toEqual(before.listing?.speakers);
  });

  it('refuses DELETE with 503 when the status cannot be read, and deletes nothing', async () => {
    const meeting = await fixture.process('calls/keep-me.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), await transcriptOf());
    const statusKey = resultKey(meeting.resultPrefix, resultFiles.status);
    // Still running, as far as the store knows: the guard must not be skipped because the read failed.
    await blobs.put(statusKey, JSON.stringify({ ...((await readJson(statusKey)) as object), state: 'running' }), 'application/json');
    const resultsBefore = await blobs.list(meeting.resultPrefix);
    blobs.failReads(statusKey);

    const response = await fetch(`${api}/meetings/${meeting.meetingId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${await fixture.apiKey()}` } });

    expect(blobs.failed).toContain(statusKey);
    expect(response.status).toBe(503);
    expect(await blobs.head(catalogKey(fixture.tenantId, meeting.meetingId))).not.toBeNull();
    expect(await blobs.list(meeting.resultPrefix)).toEqual(resultsBefore);
  });

  it('fails Publish retryably rather than writing a manifest that misses a step', async () => {
    const prefix = 'calls/publish.ogg.aftercall/';
    blobs.failReads(resultKey(prefix, resultFiles.stepStatus('understand')), { afterWriteOf: resultKey(prefix, resultFiles.stepStatus('publish')) });

    const meeting = await fixture.process('calls/publish.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), await transcriptOf());

    expect(blobs.failed).toContain(resultKey(prefix, resultFiles.stepStatus('understand')));
    expect(retried).toContain('Publish');
    expect(meeting.state).toBe('ready');
    const manifest = ManifestSchema.parse(await readJson(resultKey(prefix, resultFiles.manifest)));
    expect(manifest.steps.map((step) => step.name)).toEqual(expect.arrayContaining(['intake', 'transcribe', 'understand', 'index']));
  });
});
