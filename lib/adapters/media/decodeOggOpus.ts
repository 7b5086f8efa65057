import { OggOpusDecoder } from 'ogg-opus-decoder';
import { LiveInputError } from '../../domain/live/errors.js';
import type { PcmWav } from '../../domain/live/pcmWav.js';

/** Opus always decodes at 48 kHz, whatever rate was encoded. */
const OPUS_RATE = 48_000;

/**
 * An Ogg Opus recording (what LiveKit egress and the samples are) as 16-bit mono PCM at
 * `sampleRate`, the form the caption relay streams. Channels are averaged; the rate is reduced
 * by averaging each group of samples, which needs `sampleRate` to divide 48 kHz (8, 12, 16, 24
 * or 48 kHz).
 */
export async function decodeOggOpus(bytes: Uint8Array, sampleRate = 16_000): Promise<PcmWav> {
  if (!Number.isInteger(OPUS_RATE / sampleRate)) throw new LiveInputError(`cannot resample Opus audio to ${sampleRate} Hz: choose a rate that divides 48000, e.g. 16000`);
  const decoder = new OggOpusDecoder();
  try {
    await decoder.ready;
    const decoded = await decoder.decodeFile(bytes);
    const [first, ...others] = decoded.channelData;
    if (first === undefined || decoded.samplesDecoded === 0) {
      throw new LiveInputError(`not a decodable Ogg Opus recording${decoded.errors[0] === undefined ? '' : `: ${decoded.errors[0].message}`}`);
    }
    const factor = decoded.sampleRate / sampleRate;
    const out = new Int16Array(Math.floor(decoded.samplesDecoded / factor));
    const channels = [first, ...others];
    for (let i = 0; i < out.length; i += 1) {
      let sum = 0;
      for (const channel of channels) for (let j = 0; j < factor; j += 1) sum += channel[i * factor + j] ?? 0;
      const mean = sum / (factor * channels.length);
      out[i] = Math.round(Math.max(-1, Math.min(1, mean)) * 32767);
    }
    return { sampleRate, pcm: new Uint8Array(out.buffer) };
  } finally {
    decoder.free();
  }
}
