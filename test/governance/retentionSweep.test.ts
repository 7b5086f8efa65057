import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedEgressEndedWebhook } from '../../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { silentWav } from '../../lib/bench/silentWav.js';
import type { Delivery } from '../../lib/domain/crm/schema.js';
import { liveCaptionsKey } from '../../lib/domain/live/saveLiveCaptions.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { catalogKey, resultPrefixFor, tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { findTombstone } from '../../lib/domain/retention/tombstone.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { startProviderFakes, type Fakes as ProviderFakes } from '../support/fakes/providerFakes.js';

const DAY_MS = 86_400_000;
const OLD = 'rooms/quarterly-review.wav';
const RECENT = 'rooms/weekly-sync.wav';

describe('the retention sweep (local stack, Pinecone on a wire-format server)', () => {
  let fakes: ProviderFakes;
  let fixture: StackFixture;
  let admin: string;
  const idOf = (key: string) => deriveMeetingId(fixture.tenantId, key);
  const namespace = () => `tenant-${fixture.tenantId}`;
  const vectorsOf = (key: string) => fakes.pinecone.vectors(namespace()).filter((vector) => vector.metadata?.meetingId === idOf(key));
  const deliveriesOf = async (key: string) => (await fixture.stack.deliveries.list(fixture.tenantId)).filter((d) => d.body.includes(idOf(key)));
  const api = (path: string) => fetch(`${fixture.stack.httpUrl}/api${path}`, { headers: { Authorization: `Bearer ${admin}` } });
  /** A recording LiveKit egress finished `daysAgo` days ago: the webhook's time is when the meeting was recorded. */
  const recordedDaysAgo = async (key: string, daysAgo: number) => {
    await fixture.stack.deps.blobs.put(key, silentWav(2), 'audio/wav');
    const webhook = await signedEgressEndedWebhook({ apiKey: 'devkey', apiSecret: 'secret', bucket: fixture.stack.config.AFTERCALL_BUCKET, key, roomName: 'room', endedAt: new Date(Date.now() - daysAgo * DAY_MS) });
    const response = await fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: webhook.authorization }, body: webhook.body });
    expect(response.status).toBe(202);
    const meeting = await fixture.waitFor(idOf(key));
    expect(meeting.state).toBe('ready');
    // What the CRM delivery log and the caption relay keep of the meeting, beside its results.
    const id = `msg_${idOf(key).slice(4)}`;
    const delivery: Delivery = {
      schemaVersion: 1,
      id,
      tenantId: fixture.tenantId,
      subscriptionId: `sub_${'0'.repeat(24)}`,
      eventType: 'action_items.published',
      body: JSON.stringify({ type: 'action_items.published', timestamp: new Date().toISOString(), data: { meetingId: idOf(key), actionItems: [{ text: 'send the numbers' }] } }),
      createdAt: new Date().toISOString(),
      status: 'delivered',
      firstAttemptAt: null,
      nextAttemptAt: new Date().toISOString(),
      attempts: [],
    };
    await fixture.stack.deliveries.enqueue([delivery]);
    await fixture.stack.deps.blobs.put(liveCaptionsKey(key), JSON.stringify({ schemaVersion: 1, source: 'live', captions: [] }), 'application/json');
  };

  beforeAll(async () => {
    fakes = await startProviderFakes();
    // Runs start from signed webhooks only, which say when each call was recorded; the sweep runs every second.
    fixture = await startStackFixture({ http: true, port: 0, watchBucket: false, env: { ...fakes.env, AFTERCALL_SWEEP_INTERVAL_SECONDS: '1' } });
    admin = await fixture.apiKey();
    await recordedDaysAgo(OLD, 40);
    await recordedDaysAgo(RECENT, 10);
  });
  afterAll(async () => {
    await fixture.close();
    await fakes.close();
  });

  it('erases an expired meeting from every store on its timer, keeps a tombstone without content, and trims a younger one', async () => {
    expect(vectorsOf(OLD).length).toBeGreaterThan(0);
    expect(vectorsOf(RECENT).length).toBeGreaterThan(0);
    expect(await deliveriesOf(OLD)).toHaveLength(1);
    const deletesBefore = fakes.pinecone.requests.filter((r) => r.path === '/vectors/delete').length;

    await fixture.stack.deps.blobs.put(
      tenantSettingsKey(fixture.tenantId),
      JSON.stringify({ schemaVersion: 1, retention: { resultsDays: 30, recordingDays: 35, indexDays: 7, liveCaptionsDays: 7 } }),
      'application/json',
    );
    let tombstone = null;
    for (let attempt = 0; attempt < 100 && tombstone === null; attempt += 1) {
      await new Promise((done) => setTimeout(done, 100));
      tombstone = await findTombstone(fixture.stack.deps.blobs, fixture.tenantId, idOf(OLD));
    }
    // One more pass, so both meetings have been through the sweep that erased the first.
    await fixture.stack.retention.runOnce();

    expect(tombstone).toMatchObject({ meetingId: idOf(OLD), reason: expect.stringContaining('resultsDays = 30') });
    expect([...(tombstone?.stores ?? [])].sort()).toEqual(['catalog', 'deliveries', 'index', 'live-captions', 'recording', 'results']);
    expect(JSON.stringify(tombstone)).not.toMatch(/quarterly|review|rooms\//);
    // Every store: results and live captions beside the recording, the recording (recordingDays), the Pinecone namespace, the delivery log, the catalog.
    expect(await fixture.stack.deps.blobs.list(resultPrefixFor(OLD))).toEqual([]);
    expect(await fixture.stack.deps.blobs.head(OLD)).toBeNull();
    expect(vectorsOf(OLD)).toEqual([]);
    expect(fakes.pinecone.requests.some((r) => r.path === '/vectors/delete' && JSON.stringify(r.body).includes(namespace()))).toBe(true);
    expect(await deliveriesOf(OLD)).toEqual([]);
    expect(await fixture.stack.deps.blobs.head(catalogKey(fixture.tenantId, idOf(OLD)))).toBeNull();
    const gone = await api(`/meetings/${idOf(OLD)}`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toContain('resultsDays = 30');
    const listed = (await (await api('/meetings')).json()) as { meetings: { meetingId: string }[] };
    expect(listed.meetings.map((m) => m.meetingId)).toEqual([idOf(RECENT)]);

    // The younger meeting stays readable, no longer searchable, without its live captions; its recording and delivery stay.
    expect((await api(`/meetings/${idOf(RECENT)}`)).status).toBe(200);
    expect(await fixture.stack.deps.blobs.head(`${resultPrefixFor(RECENT)}summary.json`)).not.toBeNull();
    expect(vectorsOf(RECENT)).toEqual([]);
    expect(await fixture.stack.deps.blobs.head(liveCaptionsKey(RECENT))).toBeNull();
    expect(await fixture.stack.deps.blobs.head(RECENT)).not.toBeNull();
    expect(await deliveriesOf(RECENT)).toHaveLength(1);

    // Later passes do nothing more: no second delete of what is already gone.
    const deletes = fakes.pinecone.requests.filter((r) => r.path === '/vectors/delete').length;
    expect(deletes).toBeGreaterThan(deletesBefore);
    // Each erasure is in the tenant's audit log, by the sweep, with ids, reason and stores only.
    const audit = await fixture.stack.deps.audit.read(fixture.tenantId, { action: 'meeting.erase', limit: 10 });
    expect(audit.entries.map((e) => [e.target.id, e.actor])).toEqual(
      expect.arrayContaining([
        [idOf(OLD), { type: 'system', name: 'retention-sweep' }],
        [idOf(RECENT), { type: 'system', name: 'retention-sweep' }],
      ]),
    );
    const again = await fixture.stack.retention.runOnce();
    expect(again).toMatchObject({ erased: [], trimmed: [] });
    expect(fakes.pinecone.requests.filter((r) => r.path === '/vectors/delete').length).toBe(deletes);
  });
});
