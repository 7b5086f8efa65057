import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Laura>We agreed on the budget.\n';

// Names that S3 event notifications escape: a plus (%2B, while "+" means a space), a percent,
// an escaped slash that is part of the name, spaces, and non-ASCII letters.
const NAMES = ['plan+budget', '100%', 'a%2Fb', 'weekly sync', 'réunion ☕ 東京'];

describe('recordings with odd file names, dropped into the embedded S3 server', () => {
  let fixture: StackFixture;
  const errors: unknown[] = [];

  beforeAll(async () => {
    fixture = await startStackFixture({ log: (_message, error) => errors.push(error) });
  });
  afterAll(() => fixture.close());

  it.each(NAMES)('processes "%s.wav" under its own name, with its own transcript beside it', async (name) => {
    const key = `calls/${name}.wav`;
    const meeting = await fixture.process(key, silentWav(1), { ext: 'vtt', text: VTT });
    expect(meeting).toMatchObject({ recordingKey: key, state: 'ready' });
    expect(await fixture.stack.deps.blobs.head(`${resultPrefixFor(key)}manifest.json`)).not.toBeNull();
    expect(await fixture.stack.deps.blobs.getText(`${resultPrefixFor(key)}transcript.vtt`)).toContain('We agreed on the budget.');
  });

  it('logged no failure to start a run', () => {
    expect(errors).toEqual([]);
  });
});
