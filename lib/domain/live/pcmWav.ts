import { LiveInputError } from './errors.js';

/** The samples of a 16-bit mono PCM WAV file, which is what the relay takes as is. */
export interface PcmWav {
  sampleRate: number;
  pcm: Uint8Array;
}

/**
 * Reads a RIFF/WAVE file's `fmt ` and `data` chunks. Anything but 16-bit mono PCM is refused
 * with the conversion that fixes it: the relay streams linear16, and decoding other formats
 * would need a codec this project does not carry.
 */
export function readPcmWav(bytes: Uint8Array): PcmWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const convert = 'convert it with: ffmpeg -i <in> -ac 1 -ar 16000 -c:a pcm_s16le <out>.wav';
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new LiveInputError(`not a WAV file; ${convert}`);
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (tag(at) === 'fmt ' && size >= 16) {
      format = { audioFormat: view.getUint16(body, true), channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (tag(at) === 'data') {
      if (format === null) break;
      if (format.audioFormat !== 1 || format.bits !== 16 || format.channels !== 1) {
        throw new LiveInputError(`the WAV is format ${format.audioFormat}, ${format.bits}-bit, ${format.channels} channel(s): the relay takes 16-bit mono PCM; ${convert}`);
      }
      return { sampleRate: format.sampleRate, pcm: bytes.subarray(body, Math.min(bytes.length, body + size)) };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new LiveInputError(`the WAV has no fmt and data chunks; ${convert}`);
}
