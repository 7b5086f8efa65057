import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cueLinesFromSubtitles } from '../../../lib/domain/transcript/importSubtitles.js';
import type { LiveScriptTurn } from '../../support/fakes/fakeDeepgramLiveServer.js';

/**
 * The sample recordings are Opus in Ogg and the repository has no Opus decoder, so the tests
 * stream a PCM rendering of a sample's speech instead: a voiced tone wherever its `.vtt` (cue
 * times measured from the audio) says someone speaks, silence elsewhere. The fake provider
 * "hears" the same cues as words, so audio time, turns and captions line up as with the recording.
 */
export const SAMPLE_DIR = join(import.meta.dirname, '../../../samples/recordings');

export interface SampleTurn extends LiveScriptTurn {
  speaker: string;
}

/** The first `limitMs` of a sample's turns, long turns cut at the limit. */
export async function sampleTurns(name: string, limitMs = Number.POSITIVE_INFINITY): Promise<SampleTurn[]> {
  const lines = await cueLinesFromSubtitles(await readFile(join(SAMPLE_DIR, `${name}.vtt`), 'utf8'), 'vtt');
  return lines
    .filter((line) => line.startMs < limitMs)
    .map((line) => {
      const endMs = Math.min(line.endMs, limitMs);
      const keep = Math.max(1, Math.round((line.text.split(/\s+/).length * (endMs - line.startMs)) / Math.max(1, line.endMs - line.startMs)));
      return { speaker: line.speakerName, startMs: line.startMs, endMs, text: line.text.split(/\s+/).slice(0, keep).join(' ') };
    });
}

/** 16-bit mono PCM, `durationMs` long, voiced during `turns` (a 180 Hz tone with two harmonics) and silent elsewhere. */
export function speechPcm(turns: readonly LiveScriptTurn[], durationMs: number, sampleRate = 16000): Uint8Array {
  const samples = new Int16Array(Math.round((durationMs / 1000) * sampleRate));
  for (const turn of turns) {
    const from = Math.round((turn.startMs / 1000) * sampleRate);
    const to = Math.min(samples.length, Math.round((turn.endMs / 1000) * sampleRate));
    for (let i = from; i < to; i += 1) {
      const t = i / sampleRate;
      samples[i] = Math.round(4000 * Math.sin(2 * Math.PI * 180 * t) + 2000 * Math.sin(2 * Math.PI * 360 * t) + 1000 * Math.sin(2 * Math.PI * 540 * t));
    }
  }
  return new Uint8Array(samples.buffer);
}

/** The audio cut into `chunkMs` pieces, as a client streams it. */
export function pcmChunks(pcm: Uint8Array, chunkMs = 100, sampleRate = 16000): Uint8Array[] {
  const size = (sampleRate * 2 * chunkMs) / 1000;
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < pcm.length; at += size) chunks.push(pcm.subarray(at, at + size));
  return chunks;
}
