import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeOggOpus } from '../../lib/adapters/media/decodeOggOpus.js';
import { SpeechActivityTranscriber } from '../../lib/adapters/offline/SpeechActivityTranscriber.js';
import { readRecordingPcm } from '../../lib/app/live/readRecordingPcm.js';
import { LiveInputError } from '../../lib/domain/live/errors.js';
import { pcmChunks, SAMPLE_DIR, sampleTurns } from './support/sampleSpeech.js';

const sample = (name: string) => readFile(join(SAMPLE_DIR, name)).then((bytes) => new Uint8Array(bytes));

/** Milliseconds of `a` that fall inside some interval of `b`. */
const overlapMs = (a: readonly { startMs: number; endMs: number }[], b: readonly { startMs: number; endMs: number }[]) =>
  a.reduce((sum, x) => sum + b.reduce((inner, y) => inner + Math.max(0, Math.min(x.endMs, y.endMs) - Math.max(x.startMs, y.startMs)), 0), 0);
const totalMs = (spans: readonly { startMs: number; endMs: number }[]) => spans.reduce((sum, s) => sum + s.endMs - s.startMs, 0);

describe('the sample recordings as live audio', () => {
  it('decodes Ogg Opus to 16 kHz mono PCM of the recording’s length, and says so when bytes are not Ogg Opus', async () => {
    const wav = await decodeOggOpus(await sample('kickoff-es2002a.ogg'));
    expect(wav.sampleRate).toBe(16000);
    expect(wav.pcm.length / 2 / 16000).toBeCloseTo(178.85, 1);
    await expect(decodeOggOpus(new Uint8Array(2048).fill(7))).rejects.toThrow(LiveInputError);
    await expect(decodeOggOpus(await sample('kickoff-es2002a.ogg'), 44100)).rejects.toThrow(/divides 48000/);
    await expect(readRecordingPcm(new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nhello'))).rejects.toThrow(/not a WAV file/);
    expect((await readRecordingPcm(await sample('standup-is1008b.ogg'))).sampleRate).toBe(16000);
  });

  it('captions speech where the recording has it: the keyless stand-in’s turns agree with the measured cue times', async () => {
    // Prepare: the whole kickoff recording in 100 ms chunks, and its cue times measured from the audio.
    const wav = await decodeOggOpus(await sample('kickoff-es2002a.ogg'));
    const cues = await sampleTurns('kickoff-es2002a');
    const finals: { startMs: number; endMs: number }[] = [];
    const texts = new Set<string>();
    const stream = await new SpeechActivityTranscriber().open({ sampleRate: 16000 }, {
      onTranscript: (t) => {
        texts.add(t.text);
        if (t.kind === 'final') finals.push({ startMs: t.startMs, endMs: t.endMs });
      },
      onLost: () => undefined,
    });

    // Act
    for (const chunk of pcmChunks(wav.pcm)) stream.send(chunk);
    await stream.finish();

    // Assess: most captioned time is speech, and most speech is captioned.
    const precision = overlapMs(finals, cues) / totalMs(finals);
    const recall = overlapMs(cues, finals) / totalMs(cues);
    expect(finals.length).toBeGreaterThan(cues.length / 2);
    expect(precision).toBeGreaterThan(0.9);
    expect(recall).toBeGreaterThan(0.8);
    // Every caption says plainly that no words were recognised, wherever it is shown without the live page's notice.
    expect([...texts]).toEqual([expect.stringMatching(/not captioned, no speech recogniser/)]);
  });
});
