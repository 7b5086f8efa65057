import { describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { readPcmWav } from '../../lib/domain/live/pcmWav.js';

describe('readPcmWav', () => {
  it('reads the samples and rate of a 16-bit mono PCM WAV', () => {
    const wav = readPcmWav(silentWav(0.5, 24_000));
    expect(wav.sampleRate).toBe(24_000);
    expect(wav.pcm.length).toBe(24_000);
  });

  it('refuses other files with the conversion that fixes them', () => {
    const stereo = Buffer.from(silentWav(0.1));
    stereo.writeUInt16LE(2, 22);
    expect(() => readPcmWav(stereo)).toThrow(/2 channel\(s\).*ffmpeg -i <in> -ac 1 -ar 16000 -c:a pcm_s16le/);
    expect(() => readPcmWav(Buffer.from('OggS\0\0\0\0\0\0\0\0\0\0'))).toThrow(/not a WAV file; convert it with: ffmpeg/);
  });
});
