import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiUnderstander } from '../../../lib/adapters/openai/OpenAiUnderstander.js';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import { MEETING_DATE, startHarness, type Harness } from './support.js';

// What a meeting costs in model input, against the size of what was said: the sum of the input
// tokens the server billed (prompts, schema, map and merge calls) over the transcript's own
// tokens, counted strictly as its utterance text at ~4 characters a token (no speaker names,
// no times). Bro014 (70 min) is map-reduced; ES2002a (19 min) fits one call.
const SAMPLES = ['Bro014', 'ES2002a'].map((name) => ({ name, path: new URL(`../../../samples/meetings/${name}.vtt`, import.meta.url) }));

describe.skipIf(SAMPLES.some((s) => !existsSync(s.path)))('model input per meeting', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.close();
  });

  it.each(SAMPLES)('stays within 1.5x the transcript of $name', async ({ name, path }) => {
    const transcript = await importTranscript(readFileSync(path, 'utf8'), 'vtt', { meetingId: name, key: `${name}.vtt` });
    const engine = new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini' });

    const { account } = await withStepAccount(() => engine.understand(transcript, { meetingDate: MEETING_DATE }));

    const input = account.usage.filter((line) => line.unit === 'input_tokens').reduce((sum, line) => sum + line.quantity, 0);
    const spoken = transcript.utterances.reduce((sum, u) => sum + u.text.length, 0) / 4;
    const ratio = input / spoken;
    const hours = transcript.durationMs / 3_600_000;
    console.info(`${name}: ${input} input tokens for ${Math.round(spoken)} spoken tokens (${ratio.toFixed(2)}x; ${Math.round(input / hours)} a meeting-hour)`);
    expect(input).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });
});
