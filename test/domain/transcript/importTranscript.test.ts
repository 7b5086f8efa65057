import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidTranscriptError } from '../../../lib/domain/errors.js';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { TranscriptSchema } from '../../../lib/domain/transcript/schema.js';

const meta = { meetingId: 'mtg_test', key: 'calls/a.vtt' };
const sample = (name: string) => readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8');

describe('importTranscript', () => {
  it('reads WebVTT voice tags into speakers and utterances with times', async () => {
    const vtt = 'WEBVTT\n\nNOTE exported by Teams\n\n1\n00:00:01.000 --> 00:00:03.500\n<v Alice Smith>Hello <b>everyone</b>.</v>\n\n2\n00:00:04.000 --> 00:00:05.000\n<v Bob>Hi Alice.</v>\n';
    const transcript = await importTranscript(vtt, 'vtt', meta);
    expect(TranscriptSchema.parse(transcript)).toEqual(transcript);
    expect(transcript.speakers).toEqual([
      { id: 'spk_0', name: 'Alice Smith' },
      { id: 'spk_1', name: 'Bob' },
    ]);
    expect(transcript.utterances.map((u) => [u.id, u.speakerId, u.startMs, u.endMs, u.text])).toEqual([
      ['u0', 'spk_0', 1000, 3500, 'Hello everyone.'],
      ['u1', 'spk_1', 4000, 5000, 'Hi Alice.'],
    ]);
    expect(transcript.durationMs).toBe(5000);
    expect(transcript.source).toEqual({ kind: 'import', detail: 'vtt', key: 'calls/a.vtt' });
  });

  it('splits a cue with two voices in time, in proportion to what each says', async () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v A>one two three</v><v B>x</v>\n';
    const { utterances } = await importTranscript(vtt, 'vtt', meta);
    expect(utterances).toHaveLength(2);
    expect(utterances[0]?.startMs).toBe(0);
    expect(utterances[0]?.endMs).toBeGreaterThan(3000);
    expect(utterances[1]?.endMs).toBe(4000);
  });

  it('reads SRT with "Name: text" speakers', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nAlice: Let us start.\n\n2\n00:00:02,500 --> 00:00:04,000\nno speaker here\n';
    const transcript = await importTranscript(srt, 'srt', meta);
    expect(transcript.utterances.map((u) => u.text)).toEqual(['Let us start.', 'no speaker here']);
    expect(transcript.speakers.map((s) => s.name)).toEqual(['Alice', 'Unknown speaker']);
  });

  it('reads a Deepgram pre-recorded response with utterances and words', async () => {
    const json = JSON.stringify({
      metadata: { duration: 6.5 },
      results: {
        channels: [{ detected_language: 'en', alternatives: [{ transcript: 'hello there general', words: [] }] }],
        utterances: [
          { start: 0.5, end: 1.2, transcript: 'Hello there.', confidence: 0.98, speaker: 0, words: [{ word: 'hello', punctuated_word: 'Hello', start: 0.5, end: 0.8, confidence: 0.99, speaker: 0 }] },
          { start: 1.5, end: 2.0, transcript: 'General.', confidence: 0.9, speaker: 1, words: [] },
        ],
      },
    });
    const transcript = await importTranscript(json, 'json', { meetingId: 'm', key: 'a.json' });
    expect(transcript.language).toBe('en');
    expect(transcript.durationMs).toBe(6500);
    expect(transcript.speakers.map((s) => s.name)).toEqual(['Speaker 0', 'Speaker 1']);
    expect(transcript.utterances[0]).toMatchObject({ startMs: 500, endMs: 1200, confidence: 0.98 });
    expect(transcript.utterances[0]?.words[0]).toEqual({ text: 'Hello', startMs: 500, endMs: 800, confidence: 0.99 });
  });

  it('groups Deepgram words by speaker when the response has no utterances', async () => {
    const words = [
      { word: 'a', start: 0, end: 0.1, speaker: 0 },
      { word: 'b', start: 0.2, end: 0.3, speaker: 0 },
      { word: 'c', start: 0.4, end: 0.5, speaker: 1 },
    ];
    const json = JSON.stringify({ results: { channels: [{ alternatives: [{ transcript: 'a b c', words }] }] } });
    const transcript = await importTranscript(json, 'json', meta);
    expect(transcript.utterances.map((u) => u.text)).toEqual(['a b', 'c']);
  });

  it.each([
    ['an empty file', '', 'vtt' as const, /empty/],
    ['whitespace only', '  \n\n', 'srt' as const, /empty/],
    ['a VTT without its header', '00:00:01.000 --> 00:00:02.000\nhi\n', 'vtt' as const, /WEBVTT/],
    ['SRT garbage', 'this is not a subtitle file', 'srt' as const, /not an SRT file/],
    ['JSON that is not JSON', '{"results": ', 'json' as const, /not valid JSON/],
    ['JSON that is not Deepgram', '{"hello": 1}', 'json' as const, /not a Deepgram transcript/],
  ])('rejects %s with a clear InvalidTranscriptError', async (_, text, format, message) => {
    const attempt = importTranscript(text, format, meta);
    await expect(attempt).rejects.toBeInstanceOf(InvalidTranscriptError);
    await expect(attempt).rejects.toThrow(message);
  });

  it.each([
    ['a header-only WebVTT', 'WEBVTT\n', 'vtt' as const],
    ['a WebVTT of notes and styles alone', 'WEBVTT\n\nNOTE exported by Teams\n\nSTYLE\n::cue { color: red }\n', 'vtt' as const],
    ['a Deepgram JSON with no words', JSON.stringify({ results: { channels: [{ alternatives: [{ transcript: '', words: [] }] }] } }), 'json' as const],
    ['a Deepgram JSON with no utterances', JSON.stringify({ results: { channels: [{ alternatives: [{ transcript: '' }] }], utterances: [] } }), 'json' as const],
  ])('rejects %s as a transcript with no cues', async (_, text, format) => {
    const attempt = importTranscript(text, format, meta);
    await expect(attempt).rejects.toBeInstanceOf(InvalidTranscriptError);
    await expect(attempt).rejects.toThrow(`the transcript file ${meta.key} has no cues`);
  });

  it('imports the sample recording transcript whole', async () => {
    const transcript = await importTranscript(sample('recordings/kickoff-es2002a.vtt'), 'vtt', meta);
    expect(transcript.utterances).toHaveLength(45);
    expect(transcript.speakers.map((s) => s.name).sort()).toEqual(['Industrial Designer', 'Marketing', 'Project Manager', 'User Interface']);
  });
});
