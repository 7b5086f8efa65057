import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { renderSrt, renderVtt } from '../../../lib/domain/transcript/renderSubtitles.js';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';

const transcript: Transcript = {
  schemaVersion: 1,
  meetingId: 'm',
  language: 'en',
  durationMs: 3_723_456,
  speakers: [
    { id: 'spk_0', name: 'Ann <Lead>' },
    { id: 'spk_1', name: 'Bo' },
  ],
  utterances: [
    { id: 'u0', speakerId: 'spk_0', startMs: 0, endMs: 1500, text: 'a < b & c --> d', confidence: null, words: [] },
    { id: 'u1', speakerId: 'spk_1', startMs: 3_600_000, endMs: 3_723_456, text: 'late', confidence: null, words: [] },
  ],
  source: { kind: 'import', detail: 'vtt', key: 'k' },
};

describe('renderVtt / renderSrt', () => {
  it('writes WebVTT that reads back to the same utterances (escaping markup and "-->")', async () => {
    const vtt = renderVtt(transcript);
    expect(vtt.startsWith('WEBVTT\n\nu0\n00:00:00.000 --> 00:00:01.500\n')).toBe(true);
    expect(vtt).toContain('01:02:03.456');
    const back = await importTranscript(vtt, 'vtt', { meetingId: 'm', key: 'k' });
    expect(back.utterances.map((u) => [u.startMs, u.endMs, u.text])).toEqual(transcript.utterances.map((u) => [u.startMs, u.endMs, u.text]));
    expect(back.speakers.map((s) => s.name)).toEqual(['Ann <Lead>', 'Bo']);
  });

  it('renders translated texts on the same cues', () => {
    const vtt = renderVtt(transcript, new Map([['u1', 'tard']]));
    expect(vtt).toContain('<v Bo>tard</v>');
  });

  it('writes SRT with comma milliseconds and speaker prefixes', async () => {
    const srt = renderSrt(transcript);
    expect(srt).toContain('2\n01:00:00,000 --> 01:02:03,456\nBo: late\n');
    const back = await importTranscript(srt, 'srt', { meetingId: 'm', key: 'k' });
    expect(back.utterances.map((u) => u.text)).toEqual(['a < b & c --> d', 'late']);
  });
});
