import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SummarySchema } from '../../lib/domain/understanding/schema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/**
 * A Deepgram pre-recorded response whose utterances end wherever the speaker paused for 0.8 s,
 * which is mid-sentence as often as not (https://developers.deepgram.com/docs/utterance-split).
 */
function deepgramResponse(fragments: readonly { speaker: number; text: string }[]): string {
  let clock = 0;
  const utterances = fragments.map(({ speaker, text }) => {
    const words = text.split(' ').map((punctuated) => {
      const word = { word: punctuated.toLowerCase().replace(/[^a-z']/g, ''), punctuated_word: punctuated, start: clock, end: clock + 0.3, confidence: 0.93, speaker };
      clock += 0.35;
      return word;
    });
    const utterance = { start: words[0]?.start ?? clock, end: clock, transcript: text, confidence: 0.93, channel: 0, speaker, words };
    clock += 1; // the pause that made Deepgram end the utterance
    return utterance;
  });
  return JSON.stringify({
    metadata: { request_id: 'mid-sentence', duration: clock, channels: 1 },
    results: { channels: [{ alternatives: [{ transcript: fragments.map((f) => f.text).join(' '), confidence: 0.93 }] }], utterances },
  });
}

const json = async (fixture: StackFixture, key: string): Promise<unknown> => JSON.parse((await fixture.stack.deps.blobs.getText(key)) ?? 'null');

describe('Deepgram utterances that break mid-sentence', () => {
  let fixture: StackFixture;
  let audio: Buffer;

  beforeAll(async () => {
    fixture = await startStackFixture();
    audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
  });
  afterAll(() => fixture.close());

  it('still give a summary made of the sentences that run across them', async () => {
    const transcript = deepgramResponse([
      { speaker: 0, text: 'So the plan for the new remote control is to put a kinetic battery' },
      { speaker: 0, text: 'inside the case so that nobody has to change batteries again.' },
      { speaker: 1, text: 'The rubber case material costs more than plastic but it feels' },
      { speaker: 1, text: 'much softer in the hand and survives being dropped on the floor.' },
      { speaker: 2, text: 'Our marketing research shows that young customers will pay' },
      { speaker: 2, text: 'extra for a remote control that looks fashionable and fun.' },
      { speaker: 0, text: 'We agreed to keep the production cost under twelve euros' },
      { speaker: 0, text: 'and to present the prototype at the next meeting.' },
    ]);
    const meeting = await fixture.process('calls/mid-sentence.ogg', audio, { ext: 'json', text: transcript });

    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(false);
    const summary = SummarySchema.parse(await json(fixture, 'calls/mid-sentence.ogg.aftercall/summary.json'));
    expect(summary.sections?.keyPoints.length).toBeGreaterThanOrEqual(2);
    expect(summary.text).toMatch(/Speaker 1 said that the rubber case material costs more than plastic but it feels much softer in the hand/);
    // A sentence that runs across two utterances cites both.
    expect(summary.sentences.some((sentence) => sentence.utteranceIds.length === 2)).toBe(true);
  });

  it('mark the meeting degraded, with the reason, when nothing in them makes a summary', async () => {
    const transcript = deepgramResponse([
      { speaker: 0, text: 'Um, okay' },
      { speaker: 1, text: 'Yeah. Mm-hmm' },
      { speaker: 0, text: 'Right, right' },
    ]);
    const meeting = await fixture.process('calls/only-filler.ogg', audio, { ext: 'json', text: transcript });

    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(true);
    expect(meeting.degradedReasons).toEqual([{ step: 'understand', reason: expect.stringMatching(/summary is empty/) }]);
  });
});
