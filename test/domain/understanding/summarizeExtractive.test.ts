import { describe, expect, it } from 'vitest';
import { SummarySentenceSchema } from '../../../lib/domain/understanding/schema.js';
import { summarizeExtractive } from '../../../lib/domain/understanding/summarizeExtractive.js';
import { transcriptOf } from './transcriptBuilder.js';

const designMeeting = transcriptOf([
  { speaker: 'Laura', text: 'Okay. Um, right.' },
  { speaker: 'Laura', text: 'Um so today we are choosing the battery and the case material for the new remote control.' },
  { speaker: 'David', text: 'Mm-hmm.' },
  { speaker: 'David', text: 'The kinetic battery is cheaper than the solar battery, so the remote control stays within budget.' },
  { speaker: 'Andrew', text: 'Yeah.' },
  { speaker: 'Andrew', text: 'What about the colour?' },
  { speaker: 'Craig', text: 'A rubber case material makes the remote control soft and easy to hold.' },
  { speaker: 'Laura', text: 'So we agree on the kinetic battery and a rubber case for the remote control.' },
  { speaker: 'David', text: 'Yeah, okay, sure.' },
]);

describe('summarizeExtractive', () => {
  it('returns an empty summary for an empty transcript', () => {
    expect(summarizeExtractive(transcriptOf([]))).toEqual({ text: '', sentences: [] });
  });

  it('returns an empty summary when nothing but filler was said', () => {
    const filler = transcriptOf([{ speaker: 'A', text: 'Um, okay.' }, { speaker: 'B', text: 'Mm-hmm. Yeah.' }]);
    expect(summarizeExtractive(filler).text).toBe('');
  });

  it('picks content-rich statements, never filler or questions', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 40 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    for (const sentence of summary.sentences) {
      expect(sentence.text).not.toMatch(/\?$/);
      expect(sentence.text.split(' ').length).toBeGreaterThanOrEqual(6);
    }
    expect(summary.text).toMatch(/battery/);
  });

  it('stays within the word budget', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 20 });
    expect(summary.text.split(/\s+/).length).toBeLessThanOrEqual(20);
    expect(summary.sentences).toHaveLength(1);
  });

  it('keeps spoken order and cites utterances that exist', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 200 });
    const ids = designMeeting.utterances.map((utterance) => utterance.id);
    const positions = summary.sentences.map((sentence) => ids.indexOf(sentence.utteranceIds[0] ?? ''));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const sentence of summary.sentences) expect(SummarySentenceSchema.safeParse(sentence).success).toBe(true);
    expect(summary.text).toBe(summary.sentences.map((sentence) => sentence.text).join(' '));
  });

  it('shows sentences without fillers or leading discourse markers', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 200 });
    expect(summary.text).not.toMatch(/\b(?:um|uh)\b/i);
    expect(summary.sentences[0]?.text).toBe('Today we are choosing the battery and the case material for the new remote control.');
  });

  it('prefers a sentence that adds something over one that repeats', () => {
    const repetitive = transcriptOf([
      { speaker: 'A', text: 'The kinetic battery charges when you shake the remote control.' },
      { speaker: 'B', text: 'The kinetic battery charges when you shake the remote control, really.' },
      { speaker: 'C', text: 'The marketing budget covers a television advert and posters for the remote control.' },
    ]);
    const summary = summarizeExtractive(repetitive, { maxWords: 30 });
    expect(summary.sentences.map((sentence) => sentence.utteranceIds[0])).toContain('u2');
    expect(summary.sentences).toHaveLength(2);
  });
});
