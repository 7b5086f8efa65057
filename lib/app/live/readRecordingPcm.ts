import { decodeOggOpus } from '../../adapters/media/decodeOggOpus.js';
import { detectRecordingType, MEDIA_SNIFF_BYTES } from '../../domain/media/detectRecordingType.js';
import { LiveInputError } from '../../domain/live/errors.js';
import { readPcmWav, type PcmWav } from '../../domain/live/pcmWav.js';

/** A recording as the PCM the relay streams: 16-bit mono WAV as it is, Ogg Opus (LiveKit egress, the samples) decoded to 16 kHz. */
export async function readRecordingPcm(bytes: Uint8Array): Promise<PcmWav> {
  const type = await detectRecordingType(bytes.subarray(0, MEDIA_SNIFF_BYTES));
  if (type.mime?.includes('opus') === true) return decodeOggOpus(bytes);
  // WAV, or bytes nothing recognises: the WAV reader says what is wrong with them.
  if (type.mime === null || type.mime.includes('wav')) return readPcmWav(bytes);
  throw new LiveInputError(`a ${type.mime} recording cannot be streamed: use 16-bit mono WAV or Ogg Opus (ffmpeg -i <in> -ac 1 -ar 16000 -c:a pcm_s16le <out>.wav)`);
}
