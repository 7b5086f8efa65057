import { describe, expect, it } from 'vitest';
import { InvalidTranscriptError } from '../../../lib/domain/errors.js';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';

const meta = { meetingId: 'mtg_test', key: 'calls/weekly.vtt' };
const GOOD = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Alice>Hello there.</v>\n\n2\n00:00:03.500 --> 00:00:05.000\n<v Bob>Hi Alice.</v>\n';

/** Imports inside a step's account, as the Transcribe step does, so degradations are seen. */
const importInStep = (text: string, format: 'vtt' | 'srt' | 'json', key = meta.key) =>
  withStepAccount(() => importTranscript(text, format, { meetingId: meta.meetingId, key }));

describe('a truncated or broken transcript file', () => {
  it('drops a cue cut inside its voice tag and marks the import degraded, naming the file and the line', async () => {
    const truncated = `${GOOD}\n3\n00:00:05.500 --> 00:00:07.000\n<v Broken`;
    const { value: transcript, account } = await importInStep(truncated, 'vtt');

    expect(transcript.utterances.map((u) => u.text)).toEqual(['Hello there.', 'Hi Alice.']);
    expect(transcript.speakers.map((s) => s.name)).toEqual(['Alice', 'Bob']);
    expect(JSON.stringify(transcript)).not.toContain('<v');
    expect(account.degraded).toEqual([{ reason: expect.stringMatching(/calls\/weekly\.vtt line 13: .*unterminated tag "<v Broken"/) }]);
  });

  it('drops a cue whose voice tag is never closed in the middle of the file', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alice Hello</v>\n\n00:00:03.000 --> 00:00:04.000\n<v Bob>Fine.</v>\n';
    const { value: transcript, account } = await importInStep(vtt, 'vtt');
    expect(transcript.utterances.map((u) => [u.text, transcript.speakers.find((s) => s.id === u.speakerId)?.name])).toEqual([['Fine.', 'Bob']]);
    expect(account.degraded).toEqual([{ reason: expect.stringMatching(/calls\/weekly\.vtt line 4: /) }]);
  });

  it('reports a cue dropped for a time line cut short, with its line', async () => {
    const { value: transcript, account } = await importInStep(`${GOOD}\n3\n00:00:05.500 --> 00:0`, 'vtt');
    expect(transcript.utterances).toHaveLength(2);
    expect(account.degraded).toEqual([{ reason: expect.stringMatching(/calls\/weekly\.vtt line 12: .*timestamp/) }]);
  });

  it('fails, naming the file and the line, when no cue is readable', async () => {
    const attempt = importInStep('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Broken', 'vtt');
    await expect(attempt).rejects.toBeInstanceOf(InvalidTranscriptError);
    await expect(attempt).rejects.toThrow(/calls\/weekly\.vtt line 4: .*<v Broken/);
  });

  it('keeps a transcript whose text only looks like markup when escaped', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alice>if a &lt;b then</v>\n';
    const { value: transcript, account } = await importInStep(vtt, 'vtt');
    expect(transcript.utterances.map((u) => u.text)).toEqual(['if a <b then']);
    expect(account.degraded).toEqual([]);
  });

  it.each([
    ['a VTT without its header', '00:00:01.000 --> 00:00:02.000\nhi\n', 'vtt' as const, 'calls/x.vtt', /calls\/x\.vtt is not a WebVTT file/],
    ['SRT garbage', 'this is not a subtitle file', 'srt' as const, 'calls/x.srt', /calls\/x\.srt is not an SRT file/],
    ['JSON that is not Deepgram', '{"hello": 1}', 'json' as const, 'calls/x.json', /calls\/x\.json is not a Deepgram transcript/],
    ['a cue that ends before it starts', 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nhi\n', 'vtt' as const, 'calls/x.vtt', /calls\/x\.vtt line 3: /],
  ])('names the file in the error for %s', async (_, text, format, key, message) => {
    await expect(importInStep(text, format, key)).rejects.toThrow(message);
  });
});
