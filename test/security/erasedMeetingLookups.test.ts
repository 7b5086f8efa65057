import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMeeting } from '../../lib/domain/intake/startMeeting.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { findTombstone } from '../../lib/domain/retention/tombstone.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const DAY_MS = 86_400_000;
const ERASED = 'calls/quarterly-review.ogg';
const KEPT = 'calls/weekly-sync.ogg';

interface Answer {
  status: number;
  body: unknown;
}

/**
 * Every route that finds a meeting by id answers alike: an erased meeting is 410 Gone with its
 * tombstone (as GET /api/meetings/{id}), an unknown id 404 — and another tenant's key gets 404
 * for both the erased and a live meeting, so no route tells it that the id exists or existed.
 */
describe('meeting lookups by id, across routes', () => {
  let fixture: StackFixture;
  let admin: string;
  let outsider: string;
  const erasedId = () => deriveMeetingId(fixture.tenantId, ERASED);
  const keptId = () => deriveMeetingId(fixture.tenantId, KEPT);
  const unknownId = () => deriveMeetingId(fixture.tenantId, 'calls/never-recorded.ogg');

  const call = async (key: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
  const routes = (key: string, meetingId: string): Record<string, () => Promise<Answer>> => ({
    export: () => call(key, 'GET', `/meetings/${meetingId}/export?format=md`),
    'share-link create': () => call(key, 'POST', `/meetings/${meetingId}/share-links`, {}),
    ask: () => call(key, 'POST', '/ask', { question: 'what was decided?', meetingId }),
  });

  /** A call recorded `daysAgo` days ago, started as the CLI starts one (the time is when it was recorded). */
  const recordedDaysAgo = async (key: string, daysAgo: number) => {
    await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), await sampleBytes('recordings/standup-is1008b.vtt'), 'text/vtt');
    await fixture.stack.deps.blobs.put(key, await sampleBytes('recordings/standup-is1008b.ogg'), 'audio/ogg');
    const started = await startMeeting(fixture.stack.plane, { tenantId: fixture.tenantId, recordingKey: key, recordedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(), trigger: 'cli' });
    expect((await fixture.waitFor(started.meetingId, started.executionName)).state).toBe('ready');
  };

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, watchBucket: false });
    admin = await fixture.apiKey();
    outsider = await fixture.apiKey({ tenantId: 'acme' });
    await recordedDaysAgo(ERASED, 40);
    await recordedDaysAgo(KEPT, 1);
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, retention: { resultsDays: 30 } }), 'application/json');
    await fixture.stack.retention.runOnce();
    expect(await findTombstone(fixture.stack.deps.blobs, fixture.tenantId, erasedId())).not.toBeNull();
  }, 120_000);
  afterAll(() => fixture.close());

  it('answers an erased meeting as GET /api/meetings/{id} does: 410 with the tombstone', async () => {
    const gone = await call(admin, 'GET', `/meetings/${erasedId()}`);
    expect(gone.status).toBe(410);
    expect(JSON.stringify(gone.body)).toContain('resultsDays = 30');
    for (const [route, attempt] of Object.entries(routes(admin, erasedId()))) {
      expect({ route, ...(await attempt()) }).toEqual({ route, ...gone });
    }
  });

  it('answers an unknown meeting 404 everywhere', async () => {
    const missing = await call(admin, 'GET', `/meetings/${unknownId()}`);
    expect(missing.status).toBe(404);
    for (const [route, attempt] of Object.entries(routes(admin, unknownId()))) {
      expect({ route, ...(await attempt()) }).toEqual({ route, ...missing });
    }
  });

  it("answers another tenant's key 404 for the erased meeting and for a live one, as for an id that never existed", async () => {
    for (const meetingId of [erasedId(), keptId()]) {
      const fromGet = await call(outsider, 'GET', `/meetings/${meetingId}`);
      expect(fromGet).toEqual({ status: 404, body: { error: { status: 404, message: `no meeting ${meetingId}` } } });
      for (const [route, attempt] of Object.entries(routes(outsider, meetingId))) {
        expect({ route, ...(await attempt()) }).toEqual({ route, ...fromGet });
      }
    }
  });

  it('still serves the live meeting on every route to its own tenant', async () => {
    const answers = routes(admin, keptId());
    expect((await call(admin, 'GET', `/meetings/${keptId()}`)).status).toBe(200);
    expect((await answers.ask?.())?.status).toBe(200);
    expect((await answers['share-link create']?.())?.status).toBe(201);
  });
});
