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
  { speaker: 'Craig', text: 'I think we should use a rubber case material because it makes the remote control soft and easy to hold.' },
  { speaker: 'Laura', text: 'So we agree on the kinetic battery and a rubber case for the remote control.' },
  { speaker: 'David', text: 'Yeah, okay, sure.' },
]);

describe('summarizeExtractive', () => {
  it('returns an empty summary for an empty transcript', () => {
    expect(summarizeExtractive(transcriptOf([]))).toEqual({ text: '', sentences: [], sections: { overview: [], keyPoints: [], decisions: [], nextSteps: [] } });
  });

  it('returns an empty summary when nothing but filler was said', () => {
    const filler = transcriptOf([{ speaker: 'A', text: 'Um, okay.' }, { speaker: 'B', text: 'Mm-hmm. Yeah.' }]);
    expect(summarizeExtractive(filler).text).toBe('');
  });

  it('retells key points in the third person, attributed to their speakers, never questions or filler', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 200 });
    const points = summary.sections.keyPoints.map((line) => line.text);
    expect(points).toContain('Craig suggested that the group should use a rubber case material because it makes the remote control soft and easy to hold.');
    expect(points).toContain('Laura said that today they are choosing the battery and the case material for the new remote control.');
    expect(summary.text).not.toMatch(/\b(?:I|I'm|we|our|um|uh)\b/i);
    expect(summary.text).not.toMatch(/colour/);
  });

  it('opens with what the meeting was about and who spoke most', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 200 });
    expect(summary.sections.overview.map((line) => line.text)).toEqual([
      'The meeting was mainly about remote control, battery and case.',
      'Laura spoke most, with David, Craig and Andrew.',
    ]);
  });

  it('lists the decisions and the owned action items it is given, with their owners', () => {
    const summary = summarizeExtractive(designMeeting, {
      maxWords: 200,
      decisions: [{ text: 'Kinetic battery and a rubber case.', utteranceIds: ['u7'] }],
      actionItems: [
        { text: "I'll send the battery specs to everyone by Friday.", owner: 'David', dueDate: '2024-01-19', dueText: 'by Friday', utteranceIds: ['u3'] },
        { text: 'Andrew, can you look into the colour?', owner: 'Andrew', dueDate: null, dueText: null, utteranceIds: ['u7'] },
        { text: 'Someone should check the price.', owner: null, dueDate: null, dueText: null, utteranceIds: ['u7'] },
      ],
    });
    expect(summary.sections.decisions).toEqual([{ text: 'Decided: Kinetic battery and a rubber case.', utteranceIds: ['u7'] }]);
    expect(summary.sections.nextSteps.map((line) => line.text)).toEqual([
      'Next steps: David will send the battery specs to everyone by Friday.',
      'Andrew to look into the colour.',
    ]);
    expect(summary.text.endsWith('Andrew to look into the colour.')).toBe(true);
  });

  it('stays within the word budget', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 25 });
    expect(summary.text.split(/\s+/).length).toBeLessThanOrEqual(25);
    expect(summary.sections.keyPoints).toHaveLength(1);
  });

  it('keeps spoken order among key points and cites utterances that exist', () => {
    const summary = summarizeExtractive(designMeeting, { maxWords: 200 });
    const ids = designMeeting.utterances.map((utterance) => utterance.id);
    const positions = summary.sections.keyPoints.map((sentence) => ids.indexOf(sentence.utteranceIds[0] ?? ''));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const sentence of summary.sentences) expect(SummarySentenceSchema.safeParse(sentence).success).toBe(true);
    expect(summary.text).toBe(summary.sentences.map((sentence) => sentence.text).join(' '));
  });

  it('prefers a sentence that adds something over one that repeats', () => {
    const repetitive = transcriptOf([
      { speaker: 'A', text: 'The kinetic battery charges when you shake the remote control.' },
      { speaker: 'B', text: 'The kinetic battery charges when you shake the remote control, really.' },
      { speaker: 'C', text: 'The marketing budget covers a television advert and posters for the remote control.' },
    ]);
    const summary = summarizeExtractive(repetitive, { maxWords: 30 });
    const picked = summary.sections.keyPoints.map((sentence) => sentence.utteranceIds[0]);
    expect(picked).toContain('u2');
    expect(picked.filter((id) => id === 'u0' || id === 'u1').length).toBeLessThanOrEqual(1);
  });
});
