import { LiveInputError } from './errors.js';

/** Sample rates the relay accepts: what browsers and SFUs produce. Anything else is a client bug. */
export const SAMPLE_RATES = [8000, 16000, 24000, 32000, 44100, 48000] as const;
/** The longest chunk accepted, in ms of audio: clients send about 20–250 ms at a time. */
const MAX_CHUNK_MS = 2000;

// Container headers: a client that sends a file instead of raw samples would otherwise be
// transcribed as noise without anyone noticing.
const CONTAINERS: [string, string][] = [
  ['RIFF', 'a WAV (RIFF) file'],
  ['OggS', 'an Ogg file'],
  ['fLaC', 'a FLAC file'],
  ['ID3', 'an MP3 file'],
  ['\u001aE\u00df\u00a3', 'a WebM/Matroska file'],
];

/** Checks one binary message is raw 16-bit mono PCM of a plausible size; throws LiveInputError otherwise. */
export function checkPcmChunk(chunk: Uint8Array, sampleRate: number, first: boolean): void {
  if (chunk.length === 0) throw new LiveInputError('empty audio message');
  if (chunk.length % 2 !== 0) throw new LiveInputError(`audio message of ${chunk.length} bytes: 16-bit PCM comes in whole 2-byte samples`);
  const maxBytes = (sampleRate * 2 * MAX_CHUNK_MS) / 1000;
  if (chunk.length > maxBytes) throw new LiveInputError(`audio message of ${chunk.length} bytes is over ${MAX_CHUNK_MS} ms at ${sampleRate} Hz: send smaller chunks`);
  if (first) {
    const head = String.fromCharCode(...chunk.subarray(0, 4));
    const container = CONTAINERS.find(([magic]) => head.startsWith(magic));
    if (container !== undefined) throw new LiveInputError(`the audio is ${container[1]}: send raw 16-bit little-endian mono PCM (linear16) at ${sampleRate} Hz`);
  }
}

export const pcmMs = (bytes: number, sampleRate: number): number => (bytes / 2 / sampleRate) * 1000;
