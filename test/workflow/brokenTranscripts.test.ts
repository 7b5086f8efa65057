import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../lib/domain/meetings/manifestSchema.js';
import { reprocessMeeting } from '../../lib/domain/meetings/reprocessMeeting.js';
import { searchArchive } from '../../lib/domain/search/searchArchive.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { ChaptersSchema } from '../../lib/domain/understanding/schema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const json = async (fixture: StackFixture, key: string): Promise<unknown> => JSON.parse((await fixture.stack.deps.blobs.getText(key)) ?? 'null');

describe('a broken transcript beside the recording', () => {
  let fixture: StackFixture;
  let audio: Buffer;
  let vtt: string;

  beforeAll(async () => {
    fixture = await startStackFixture();
    audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
  });
  afterAll(() => fixture.close());

  it('imports a VTT cut inside a voice tag without the broken cue, and marks the meeting degraded with the file and line', async () => {
    const truncated = `${vtt.trimEnd()}\n\n99\n00:30:00.000 --> 00:30:04.000\n<v Broken`;
    const brokenLine = truncated.split('\n').length;
    const meeting = await fixture.process('calls/truncated.ogg', audio, { ext: 'vtt', text: truncated });

    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(true);
    expect(meeting.degradedReasons).toEqual([{ step: 'transcribe', reason: expect.stringContaining(`calls/truncated.vtt line ${brokenLine}: unterminated tag "<v Broken"`) }]);
    const prefix = 'calls/truncated.ogg.aftercall/';
    const manifest = ManifestSchema.parse(await json(fixture, `${prefix}manifest.json`));
    expect(manifest.degraded).toEqual(meeting.degradedReasons);

    const transcript = TranscriptSchema.parse(await json(fixture, `${prefix}transcript.json`));
    expect(transcript.utterances).toHaveLength(45);
    expect(transcript.speakers.map((s) => s.name)).not.toContain('Broken');
    expect(JSON.stringify(transcript)).not.toContain('<v');
    const chapters = ChaptersSchema.parse(await json(fixture, `${prefix}chapters.json`));
    expect(chapters.chapters.map((c) => c.title).join(' ')).not.toMatch(/<v|Broken/);
    const hits = await searchArchive(
      { embedder: fixture.stack.deps.embedder, index: fixture.stack.deps.vectorIndex },
      { tenantId: fixture.tenantId, meetingId: meeting.meetingId, query: 'Broken', limit: 50 },
    );
    expect(hits.map((hit) => hit.snippet).join(' ')).not.toMatch(/<v|Broken/);
  });

  it('fails a transcript with no readable cue, naming the file and the line', async () => {
    const meeting = await fixture.process('calls/only-broken.ogg', audio, { ext: 'vtt', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Broken' });
    expect(meeting.state).toBe('failed');
    expect(meeting.error).toMatchObject({ step: 'transcribe', name: 'InvalidTranscriptError', message: expect.stringContaining('calls/only-broken.vtt line 4: unterminated tag "<v Broken"') });
  });

  it.each([
    ['a WebVTT file holding only its header', 'vtt' as const, 'WEBVTT\n'],
    ['a WebVTT file holding only a note', 'vtt' as const, 'WEBVTT\n\nNOTE exported from the meeting tool\n'],
    ['a Deepgram JSON with no words', 'json' as const, JSON.stringify({ results: { channels: [{ alternatives: [{ transcript: '', words: [] }] }] } })],
  ])('fails %s as a transcript with no cues, keeps the recording, and runs again once the file is fixed', async (label, ext, text) => {
    const key = `calls/no-cues-${label.replace(/\W+/g, '-')}.ogg`;
    const transcriptKey = key.replace(/\.ogg$/, `.${ext}`);
    const failed = await fixture.process(key, audio, { ext, text });

    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'transcribe', name: 'InvalidTranscriptError', message: `the transcript file ${transcriptKey} has no cues: it says nothing about who spoke when` });
    expect(await fixture.stack.deps.blobs.head(`${key}.aftercall/manifest.json`)).toBeNull();
    expect(await fixture.stack.deps.blobs.head(`${key}.aftercall/transcript.json`)).toBeNull();
    expect(await fixture.sha256(key)).toBe(createHash('sha256').update(audio).digest('hex'));

    await fixture.stack.deps.blobs.delete([transcriptKey]);
    await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), vtt, 'text/vtt');
    const run = await reprocessMeeting(fixture.stack.plane, { tenantId: fixture.tenantId, meetingId: failed.meetingId, from: 'transcribe' });
    const done = await fixture.waitFor(failed.meetingId, run.executionName);
    expect(done.state).toBe('ready');
    expect(done.manifest?.counts.utterances).toBe(45);
  });

  it('fails a file that is not WebVTT with an error naming it', async () => {
    const meeting = await fixture.process('calls/headless.ogg', audio, { ext: 'vtt', text: '00:00:01.000 --> 00:00:02.000\nhello\n' });
    expect(meeting.error).toMatchObject({ step: 'transcribe', name: 'InvalidTranscriptError', message: 'transcript calls/headless.vtt is not a WebVTT file: it must start with "WEBVTT"' });
  });
});
