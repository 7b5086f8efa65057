import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { ProviderUnavailableError } from '../../lib/domain/errors.js';
import { startMeeting } from '../../lib/domain/intake/startMeeting.js';
import { ManifestSchema } from '../../lib/domain/meetings/manifestSchema.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { MeetingStatusSchema } from '../../lib/domain/meetings/schema.js';
import { listMeetings } from '../../lib/domain/meetings/meetingView.js';
import { renameSpeakers } from '../../lib/domain/meetings/renameSpeakers.js';
import { reprocessMeeting } from '../../lib/domain/meetings/reprocessMeeting.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { ActionItemsSchema, ChaptersSchema, SummarySchema } from '../../lib/domain/understanding/schema.js';
import { startFakeDeepgramServer, type FakeDeepgramServer } from '../support/fakes/fakeDeepgramServer.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const json = async (fixture: StackFixture, key: string): Promise<unknown> => JSON.parse((await fixture.stack.deps.blobs.getText(key)) ?? 'null');

describe('the post-call workflow on the embedded defaults', () => {
  let fixture: StackFixture;
  let audio: Buffer;
  let vtt: string;

  beforeAll(async () => {
    fixture = await startStackFixture();
    audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
  });
  afterAll(() => fixture.close());

  it('turns a recording dropped into the bucket into every result beside it, manifest last', async () => {
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr'] }), 'application/json');
    const before = createHashOf(audio);
    const meeting = await fixture.process('calls/kickoff.ogg', audio, { ext: 'vtt', text: vtt });

    expect(meeting.state).toBe('ready');
    expect(meeting.steps.map((s) => [s.name, s.state])).toEqual([
      ['intake', 'succeeded'],
      ['transcribe', 'succeeded'],
      ['translate.fr', 'skipped'],
      ['understand', 'succeeded'],
      ['index', 'succeeded'],
      ['publish', 'succeeded'],
    ]);
    const prefix = 'calls/kickoff.ogg.aftercall/';
    const transcript = TranscriptSchema.parse(await json(fixture, `${prefix}transcript.json`));
    expect(transcript.utterances).toHaveLength(45);
    expect(await fixture.stack.deps.blobs.getText(`${prefix}transcript.vtt`)).toMatch(/^WEBVTT/);
    expect(await fixture.stack.deps.blobs.getText(`${prefix}transcript.srt`)).toMatch(/^1\n00:00:00,000 --> /);

    const ids = new Set(transcript.utterances.map((u) => u.id));
    const summary = SummarySchema.parse(await json(fixture, `${prefix}summary.json`));
    expect(summary.text.length).toBeGreaterThan(50);
    const chapters = ChaptersSchema.parse(await json(fixture, `${prefix}chapters.json`));
    expect(chapters.chapters.length).toBeGreaterThan(0);
    const actions = ActionItemsSchema.parse(await json(fixture, `${prefix}action-items.json`));
    for (const cited of [...chapters.chapters, ...actions.items, ...summary.sentences]) {
      for (const id of cited.utteranceIds) expect(ids.has(id)).toBe(true);
    }

    const manifest = ManifestSchema.parse(await json(fixture, `${prefix}manifest.json`));
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['action-items.json', 'chapters.json', 'decisions.json', 'speaker-names.json', 'summary.json', 'transcript.json', 'transcript.srt', 'transcript.vtt']);
    expect(manifest.translations).toEqual([{ language: 'fr', state: 'skipped', reason: expect.stringContaining('no translation provider') }]);
    expect(manifest.counts).toMatchObject({ utterances: 45, speakers: 4, indexedDocuments: expect.any(Number) });
    expect(manifest.engines.transcript).toBe('import:vtt');
    const transcriptFile = manifest.files.find((f) => f.name === 'transcript.json');
    expect(transcriptFile?.sha256).toBe(await fixture.sha256(`${prefix}transcript.json`));

    // The recording itself is never modified.
    expect(await fixture.sha256('calls/kickoff.ogg')).toBe(before);
    await fixture.stack.deps.blobs.delete([tenantSettingsKey(fixture.tenantId)]);
  });

  it('starts one run for the same recording announced twice, and for two announcements at once', async () => {
    await fixture.stack.deps.blobs.put('calls/twice.vtt', vtt, 'text/vtt');
    await fixture.stack.deps.blobs.put('calls/twice.ogg', audio, 'audio/ogg');
    const event = { tenantId: fixture.tenantId, recordingKey: 'calls/twice.ogg', recordedAt: new Date().toISOString(), trigger: 'livekit' as const };
    const [a, b] = await Promise.all([startMeeting(fixture.stack.plane, event), startMeeting(fixture.stack.plane, event)]);
    const meetingId = deriveMeetingId(fixture.tenantId, 'calls/twice.ogg');
    expect(a.meetingId).toBe(meetingId);
    expect(b.meetingId).toBe(meetingId);
    // The S3 event of the upload raced these two: all three found one run.
    expect([a.alreadyStarted, b.alreadyStarted].filter((started) => !started).length).toBeLessThanOrEqual(1);
    await fixture.waitFor(meetingId);
    const again = await startMeeting(fixture.stack.plane, event);
    expect(again.alreadyStarted).toBe(true);
    expect((await fixture.waitFor(meetingId)).state).toBe('ready');
  });

  it('fails a run whose recording does not exist, and says why in the status', async () => {
    const event = { tenantId: fixture.tenantId, recordingKey: 'calls/ghost.ogg', recordedAt: new Date().toISOString(), trigger: 'livekit' as const };
    const started = await startMeeting(fixture.stack.plane, event);
    const meeting = await fixture.waitFor(started.meetingId);
    expect(meeting.state).toBe('failed');
    expect(meeting.error).toEqual({ step: 'intake', name: 'RecordingNotFoundError', message: 'recording calls/ghost.ogg does not exist in the blob store' });
    expect(await fixture.stack.deps.blobs.head('calls/ghost.ogg.aftercall/manifest.json')).toBeNull();
  });

  it.each([
    ['an empty recording', new Uint8Array(), 'UnsupportedRecordingError', /is empty/],
    ['a corrupt recording', new TextEncoder().encode('this is not audio at all, just text pretending'.repeat(20)), 'UnsupportedRecordingError', /not an audio or video file/],
  ])('fails %s in intake with a clear error', async (_, bytes, name, message) => {
    const key = `calls/bad-${name}-${bytes.length}.ogg`;
    const meeting = await fixture.process(key, bytes, { ext: 'vtt', text: vtt });
    expect(meeting.state).toBe('failed');
    expect(meeting.error?.step).toBe('intake');
    expect(meeting.error?.name).toBe(name);
    expect(meeting.error?.message).toMatch(message);
  });

  it.each([
    ['an empty transcript file', ''],
    ['a corrupt transcript file', '\u0000\u0001PK garbage that is not WebVTT'],
  ])('fails %s in transcribe with InvalidTranscriptError, and keeps the recording', async (label, text) => {
    const key = `calls/${label.replace(/\W+/g, '-')}.ogg`;
    const meeting = await fixture.process(key, audio, { ext: 'vtt', text });
    expect(meeting.state).toBe('failed');
    expect(meeting.error).toMatchObject({ step: 'transcribe', name: 'InvalidTranscriptError' });
    expect(await fixture.sha256(key)).toBe(createHashOf(audio));
  });

  it('fails with a clear error when there is no transcript and no speech-to-text provider', async () => {
    const meeting = await fixture.process('calls/no-transcript.ogg', audio);
    expect(meeting.error).toMatchObject({ step: 'transcribe', name: 'NoTranscriberError', message: expect.stringContaining('DEEPGRAM_API_KEY') });
  });

  it('keeps the status current: the transcript is readable while later steps still run', async () => {
    const seen: string[] = [];
    const view = await fixture.process('calls/progress.ogg', audio, { ext: 'vtt', text: vtt });
    for (const step of view.steps) seen.push(`${step.name}:${step.startedAt !== null && step.finishedAt !== null}`);
    expect(seen.filter((s) => s.endsWith(':true')).length).toBeGreaterThanOrEqual(5);
  });
});

// A transcript file with no cues is refused (test/workflow/brokenTranscripts.test.ts): silence is what the provider hears.
describe('a recording with no speech', () => {
  let deepgram: FakeDeepgramServer;
  let fixture: StackFixture;

  beforeAll(async () => {
    deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: [], durationSeconds: 1 });
    fixture = await startStackFixture({ env: { DEEPGRAM_API_KEY: 'dg-test-key', DEEPGRAM_BASE_URL: deepgram.url } });
  });
  afterAll(async () => {
    await fixture.close();
    await deepgram.close();
  });

  it('publishes as a meeting with nothing said', async () => {
    const meeting = await fixture.process('calls/silence.wav', silentWav(1));
    expect(meeting.state).toBe('ready');
    expect(deepgram.requests).toHaveLength(1);
    const actions = ActionItemsSchema.parse(await json(fixture, 'calls/silence.wav.aftercall/action-items.json'));
    const chapters = ChaptersSchema.parse(await json(fixture, 'calls/silence.wav.aftercall/chapters.json'));
    expect(actions.items).toEqual([]);
    expect(chapters.chapters).toEqual([]);
    expect(meeting.manifest?.counts.utterances).toBe(0);
  });
});

describe('a crash mid-run', () => {
  let fixture: StackFixture;
  let failUnderstanding = true;

  beforeAll(async () => {
    fixture = await startStackFixture({
      depsOverrides: (deps) => ({
        understander: {
          name: deps.understander.name,
          understand: async (transcript, options) => {
            if (failUnderstanding) throw new TypeError('model returned something unreadable');
            return deps.understander.understand(transcript, options);
          },
        },
      }),
    });
  });
  afterAll(() => fixture.close());

  it('marks the meeting failed with no manifest, leaves the recording as it was, and a reprocess succeeds', async () => {
    const audio = await sampleBytes('recordings/standup-is1008b.ogg');
    const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    const failed = await fixture.process('calls/standup.ogg', audio, { ext: 'vtt', text: vtt });

    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'understand', name: 'TypeError', message: 'model returned something unreadable' });
    expect(await fixture.stack.deps.blobs.head('calls/standup.ogg.aftercall/manifest.json')).toBeNull();
    expect(await fixture.stack.deps.blobs.head('calls/standup.ogg.aftercall/transcript.json')).not.toBeNull();
    expect(await fixture.sha256('calls/standup.ogg')).toBe(createHashOf(audio));
    const transcriptBefore = await fixture.sha256('calls/standup.ogg.aftercall/transcript.json');

    failUnderstanding = false;
    const run = await reprocessMeeting(fixture.stack.plane, { tenantId: fixture.tenantId, meetingId: failed.meetingId, from: 'understand' });
    const done = await fixture.waitFor(failed.meetingId, run.executionName);

    expect(done.state).toBe('ready');
    expect(done.manifest?.runId).toBe(run.executionName);
    // Understanding again reuses the stored transcript as it was.
    expect(await fixture.sha256('calls/standup.ogg.aftercall/transcript.json')).toBe(transcriptBefore);
    const status = MeetingStatusSchema.parse(JSON.parse((await fixture.stack.deps.blobs.getText('calls/standup.ogg.aftercall/status.json')) ?? ''));
    expect(status).toMatchObject({ state: 'succeeded', error: null });
  });
});

describe('transient errors', () => {
  let fixture: StackFixture;
  let failuresLeft = 2;

  beforeAll(async () => {
    fixture = await startStackFixture({
      depsOverrides: (deps) => ({
        embedder: {
          model: deps.embedder.model,
          dimensions: deps.embedder.dimensions,
          similarityFloor: deps.embedder.similarityFloor,
          embed: async (texts) => {
            if (failuresLeft > 0) {
              failuresLeft -= 1;
              throw new ProviderUnavailableError('embedding service answered 503');
            }
            return deps.embedder.embed(texts);
          },
        },
      }),
    });
  });
  afterAll(() => fixture.close());

  it('are retried by the state machine and the meeting completes', async () => {
    const meeting = await fixture.process('calls/flaky.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), {
      ext: 'vtt',
      text: (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8'),
    });
    expect(failuresLeft).toBe(0);
    expect(meeting.state).toBe('ready');
    expect(meeting.manifest?.warnings).toEqual([]);
  });
});

describe('a store that stays down while indexing', () => {
  let fixture: StackFixture;

  beforeAll(async () => {
    fixture = await startStackFixture({
      depsOverrides: (deps) => ({
        vectorIndex: {
          replaceMeeting: async () => {
            throw new ProviderUnavailableError('vector index unreachable');
          },
          deleteMeeting: (tenantId, meetingId) => deps.vectorIndex.deleteMeeting(tenantId, meetingId),
          query: (query) => deps.vectorIndex.query(query),
        },
      }),
    });
  });
  afterAll(() => fixture.close());

  it('still publishes the results, with a warning that says how to rebuild the index', async () => {
    const meeting = await fixture.process('calls/noindex.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), {
      ext: 'vtt',
      text: (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8'),
    });
    expect(meeting.state).toBe('ready');
    expect(meeting.manifest?.warnings).toEqual([{ step: 'index', message: expect.stringContaining('aftercall reindex') }]);
    expect(meeting.manifest?.counts.indexedDocuments).toBeNull();
  });
});

function createHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('renaming speakers', () => {
  let fixture: StackFixture;
  beforeAll(async () => {
    fixture = await startStackFixture();
  });
  afterAll(() => fixture.close());

  it('renames a stable speaker label everywhere it shows, and rebuilds index and manifest', async () => {
    const meeting = await fixture.process('calls/rename.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), {
      ext: 'vtt',
      text: (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8'),
    });
    const before = TranscriptSchema.parse(await json(fixture, 'calls/rename.ogg.aftercall/transcript.json'));
    const pm = before.speakers.find((s) => s.name === 'Project Manager');
    expect(pm).toBeDefined();

    const run = await renameSpeakers(fixture.stack.plane, { tenantId: fixture.tenantId, meetingId: meeting.meetingId, names: { [pm?.id ?? '']: 'Christine' } });
    const after = await fixture.waitFor(meeting.meetingId, run.executionName);

    expect(after.state).toBe('ready');
    const transcript = TranscriptSchema.parse(await json(fixture, 'calls/rename.ogg.aftercall/transcript.json'));
    expect(transcript.speakers.find((s) => s.id === pm?.id)?.name).toBe('Christine');
    expect(transcript.utterances).toEqual(before.utterances);
    expect(await fixture.stack.deps.blobs.getText('calls/rename.ogg.aftercall/transcript.vtt')).toContain('<v Christine>');
    const actions = ActionItemsSchema.parse(await json(fixture, 'calls/rename.ogg.aftercall/action-items.json'));
    expect(actions.items.map((i) => i.owner)).not.toContain('Project Manager');
    const vtt = after.manifest?.files.find((f) => f.name === 'transcript.vtt');
    expect(vtt?.sha256).toBe(await fixture.sha256('calls/rename.ogg.aftercall/transcript.vtt'));
  });

  it('rejects a speaker the meeting does not have', async () => {
    const [first] = await listMeetings(fixture.stack.deps.blobs, fixture.tenantId);
    await expect(
      renameSpeakers(fixture.stack.plane, { tenantId: fixture.tenantId, meetingId: first?.meetingId ?? '', names: { spk_99: 'Nobody' } }),
    ).rejects.toThrow(/no speaker spk_99/);
  });
});
