import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../lib/domain/meetings/manifestSchema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/** A rerun, as an operator starts it through the API: what the meeting page and the list show meanwhile. */
describe('a rerun through the API', () => {
  let fixture: StackFixture;
  let key: string;
  // Understand waits on this while a test holds it: the rerun is caught mid-way.
  let gate: Promise<void> | null = null;

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      depsOverrides: (deps) => ({
        understander: {
          name: deps.understander.name,
          understand: async (transcript, options) => {
            await gate;
            return deps.understander.understand(transcript, options);
          },
        },
      }),
    });
    key = await fixture.apiKey();
  });
  afterAll(() => fixture.close());

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (let attempt = 0; !(await condition()); attempt += 1) {
      if (attempt > 800) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 25));
    }
  };

  it('shows the meeting processing with its step, keeps the earlier results readable, and refuses a second rerun meanwhile', async () => {
    const audio = await sampleBytes('recordings/standup-is1008b.ogg');
    const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    const first = await fixture.process('calls/rerun-standup.ogg', audio, { ext: 'vtt', text: vtt });
    expect(first.state).toBe('ready');
    const before = (await api('GET', `/meetings/${first.meetingId}`)).body;
    expect(before.summary).not.toBeNull();

    let open: () => void = () => undefined;
    gate = new Promise((resolve) => (open = resolve));
    const rerun = await api('POST', `/meetings/${first.meetingId}/reprocess`, { from: 'understand' });
    expect(rerun.status).toBe(202);

    // Right away, before the run's first step: processing, in the list too, and nothing lost.
    const during = (await api('GET', `/meetings/${first.meetingId}`)).body;
    expect(during.meeting.state).toBe('processing');
    expect(during.summary).toEqual(before.summary);
    expect(during.actionItems).toEqual(before.actionItems);
    expect(during.chapters).toEqual(before.chapters);
    expect((await api('GET', '/meetings')).body.meetings.find((m: { meetingId: string }) => m.meetingId === first.meetingId)?.state).toBe('processing');

    // A second request while it runs: 409, and no second run.
    const second = await api('POST', `/meetings/${first.meetingId}/reprocess`, { from: 'index' });
    expect(second.status).toBe(409);
    const deleting = await api('DELETE', `/meetings/${first.meetingId}`);
    expect(deleting.status).toBe(409);

    await until(async () => (await api('GET', `/meetings/${first.meetingId}`)).body.meeting.currentStep === 'understand', 'the rerun to reach Understand');
    const atUnderstand = (await api('GET', `/meetings/${first.meetingId}`)).body;
    expect(atUnderstand.meeting.state).toBe('processing');
    expect(atUnderstand.summary).toEqual(before.summary);

    open();
    gate = null;
    const done = await fixture.waitFor(first.meetingId, rerun.body.runId as string);
    expect(done.state).toBe('ready');
    expect(done.currentStep).toBeNull();
    expect(done.manifest?.runId).toBe(rerun.body.runId);
    expect(await fixture.stack.runner.executionsOf(`${first.meetingId}-r`)).toEqual([rerun.body.runId]);
    expect((await api('GET', '/meetings')).body.meetings.find((m: { meetingId: string }) => m.meetingId === first.meetingId)?.state).toBe('ready');
  });

  it('keeps the count of indexed documents when rerun from Publish', async () => {
    const audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    const first = await fixture.process('calls/rerun-publish.ogg', audio, { ext: 'vtt', text: vtt });
    const indexed = first.manifest?.counts.indexedDocuments;
    expect(indexed).toBeGreaterThan(0);

    const rerun = await api('POST', `/meetings/${first.meetingId}/reprocess`, { from: 'publish' });
    expect(rerun.status).toBe(202);
    const done = await fixture.waitFor(first.meetingId, rerun.body.runId as string);

    const manifest = ManifestSchema.parse(done.manifest);
    expect(manifest.runId).toBe(rerun.body.runId);
    expect(manifest.counts.indexedDocuments).toBe(indexed);
    expect(manifest.engines.embedding).toBe(first.manifest?.engines.embedding);
    const hits = await fixture.stack.deps.vectorIndex.query({ tenantId: fixture.tenantId, meetingId: first.meetingId, limit: 1_000, vector: new Float32Array(fixture.stack.deps.embedder.dimensions).fill(1) });
    expect(hits).toHaveLength(indexed ?? -1);
  });

  it('lists a rerun that fails as failed, its earlier results still readable', async () => {
    const audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    const first = await fixture.process('calls/rerun-fails.ogg', audio, { ext: 'vtt', text: vtt });
    const before = (await api('GET', `/meetings/${first.meetingId}`)).body;

    gate = Promise.reject(new TypeError('model returned something unreadable'));
    gate.catch(() => undefined);
    const rerun = await api('POST', `/meetings/${first.meetingId}/reprocess`, { from: 'understand' });
    const failed = await fixture.waitFor(first.meetingId, rerun.body.runId as string);
    gate = null;

    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'understand', name: 'TypeError' });
    const after = (await api('GET', `/meetings/${first.meetingId}`)).body;
    expect(after.summary).toEqual(before.summary);
    expect(after.meeting.manifest.runId).toBe(first.manifest?.runId);
  });
});
