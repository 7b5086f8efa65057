import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeOggOpus } from '../../../lib/adapters/media/decodeOggOpus.js';
import { cueLinesFromSubtitles } from '../../../lib/domain/transcript/importSubtitles.js';
import type { LiveScriptTurn } from '../../support/fakes/fakeDeepgramLiveServer.js';

/**
 * The tests stream the sample recordings themselves: Opus in Ogg decoded to 16 kHz PCM and cut
 * into real-time-sized chunks. Their `.vtt` (cue times measured from the audio) is what the fake
 * provider "hears" as words, so audio time, turns and captions line up as with the recording.
 */
export const SAMPLE_DIR = join(import.meta.dirname, '../../../samples/recordings');

export interface SampleTurn extends LiveScriptTurn {
  speaker: string;
}

/** The first `limitMs` of a sample's turns, long turns cut at the limit. */
export async function sampleTurns(name: string, limitMs = Number.POSITIVE_INFINITY): Promise<SampleTurn[]> {
  const path = join(SAMPLE_DIR, `${name}.vtt`);
  const { lines } = await cueLinesFromSubtitles(await readFile(path, 'utf8'), 'vtt', path);
  return lines
    .filter((line) => line.startMs < limitMs)
    .map((line) => {
      const endMs = Math.min(line.endMs, limitMs);
      const keep = Math.max(1, Math.round((line.text.split(/\s+/).length * (endMs - line.startMs)) / Math.max(1, line.endMs - line.startMs)));
      return { speaker: line.speakerName, startMs: line.startMs, endMs, text: line.text.split(/\s+/).slice(0, keep).join(' ') };
    });
}

const decoded = new Map<string, Promise<Uint8Array>>();

/**
 * The first `durationMs` of a sample recording as 16-bit mono PCM at 16 kHz. With `only`, the
 * audio outside those turns is silenced: one participant's own microphone, cut from the mix.
 */
export async function recordingPcm(name: string, durationMs: number, only?: readonly LiveScriptTurn[]): Promise<Uint8Array> {
  let pcm = decoded.get(name);
  if (pcm === undefined) {
    pcm = readFile(join(SAMPLE_DIR, `${name}.ogg`)).then(async (bytes) => (await decodeOggOpus(new Uint8Array(bytes))).pcm);
    decoded.set(name, pcm);
  }
  const all = await pcm;
  const bytes = Math.min(all.length, Math.round((durationMs / 1000) * 16000) * 2);
  const out = all.slice(0, bytes);
  if (only === undefined) return out;
  const samples = new Int16Array(out.buffer);
  const keep = new Uint8Array(samples.length);
  for (const turn of only) keep.fill(1, Math.round((turn.startMs / 1000) * 16000), Math.round((turn.endMs / 1000) * 16000));
  for (let i = 0; i < samples.length; i += 1) if (keep[i] === 0) samples[i] = 0;
  return out;
}

/** The audio cut into `chunkMs` pieces, as a client streams it. */
export function pcmChunks(pcm: Uint8Array, chunkMs = 100, sampleRate = 16000): Uint8Array[] {
  const size = (sampleRate * 2 * chunkMs) / 1000;
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < pcm.length; at += size) chunks.push(pcm.subarray(at, at + size));
  return chunks;
}
