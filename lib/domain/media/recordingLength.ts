/** How much of a recording's end holds its last Ogg page (pages are at most 65 kB). */
export const OGG_TAIL_BYTES = 65_307;
/** The head that holds a WAV's fmt/data chunks, or an Ogg stream's codec header. */
export const LENGTH_HEAD_BYTES = 4_096;
/** Assumed for files whose length cannot be read from their headers: 128 kbps. */
const GUESS_BYTES_PER_MS = 16;

export interface RecordingLength {
  ms: number;
  /** Read from the file (Ogg's last granule position, WAV's data size), or guessed from the size. */
  exact: boolean;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A recording's length without decoding it: Ogg (Opus or Vorbis) from the granule position of
 * its last page over the codec's rate, WAV from its data chunk's size over the byte rate;
 * anything else is guessed from its size at 128 kbps.
 */
export function recordingLength(head: Uint8Array, tail: Uint8Array, size: number): RecordingLength {
  return oggLength(head, tail) ?? wavLength(head, size) ?? { ms: Math.round(size / GUESS_BYTES_PER_MS), exact: false };
}

function oggLength(head: Uint8Array, tail: Uint8Array): RecordingLength | null {
  if (ascii(head, 0, 4) !== 'OggS' || head.length < 28) return null;
  const segments = head[26] ?? 0;
  const packet = 27 + segments;
  let rate: number;
  let preSkip = 0;
  if (ascii(head, packet, 8) === 'OpusHead') {
    rate = 48_000;
    preSkip = view(head).getUint16(packet + 10, true);
  } else if (ascii(head, packet + 1, 6) === 'vorbis' && head.length >= packet + 16) {
    rate = view(head).getUint32(packet + 12, true);
  } else return null;
  for (let at = tail.length - 27; at >= 0; at -= 1) {
    if (tail[at] !== 0x4f || ascii(tail, at, 4) !== 'OggS') continue;
    const granule = view(tail).getBigUint64(at + 6, true);
    if (granule === 0xffffffffffffffffn) continue; // a page where no packet ends
    return rate > 0 ? { ms: Math.max(0, Math.round(((Number(granule) - preSkip) / rate) * 1000)), exact: true } : null;
  }
  return null;
}

function wavLength(head: Uint8Array, size: number): RecordingLength | null {
  if (ascii(head, 0, 4) !== 'RIFF' || ascii(head, 8, 4) !== 'WAVE') return null;
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length; ) {
    const id = ascii(head, at, 4);
    const length = view(head).getUint32(at + 4, true);
    if (id === 'fmt ' && at + 20 <= head.length) byteRate = view(head).getUint32(at + 16, true);
    if (id === 'data' && byteRate > 0) return { ms: Math.round((Math.min(length, size - at - 8) / byteRate) * 1000), exact: true };
    at += 8 + length + (length % 2);
  }
  return null;
}
