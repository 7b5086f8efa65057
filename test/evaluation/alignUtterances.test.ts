import { describe, expect, it } from 'vitest';
import { alignUtterances } from '../../lib/evaluation/alignUtterances.js';
import type { MeetingTruth } from '../../lib/evaluation/meetingTruth.js';
import { referenceChapterOfUtterance } from '../../lib/evaluation/referenceSegmentation.js';
import { transcriptOf } from '../domain/understanding/transcriptBuilder.js';

const utterance = (i: number, text: string, startMs: number, endMs: number) => ({ i, speaker: 'A', text, startMs, endMs });

// The reference keeps an empty turn (i = 1) that a subtitle file cannot carry.
const truth: MeetingTruth = {
  id: 'm',
  utterances: [utterance(0, 'Hello there.', 0, 5_000), utterance(1, '', 5_000, 5_000), utterance(2, 'Next topic.', 5_000, 10_000)],
  chapters: [
    { title: 'Opening', startUtterance: 0, endUtterance: 0 },
    { title: 'Topic', startUtterance: 1, endUtterance: 2 },
  ],
  summary: null,
};

describe('alignUtterances', () => {
  it('maps imported utterances to the reference turns they came from, skipping empty turns', () => {
    const transcript = transcriptOf([{ speaker: 'A', text: 'Hello there.' }, { speaker: 'A', text: 'Next topic.' }]);
    expect(alignUtterances(transcript, truth)).toEqual([0, 2]);
  });

  it('falls back to the reference turn an utterance lies in when times or text differ', () => {
    const transcript = transcriptOf([{ speaker: 'A', text: 'Hello, there!', durationMs: 4_000 }, { speaker: 'A', text: 'Next.', durationMs: 5_000 }]);
    expect(alignUtterances(transcript, truth)).toEqual([0, 2]);
  });
});

describe('referenceChapterOfUtterance', () => {
  it('labels each reference turn with its chapter', () => {
    expect(referenceChapterOfUtterance(truth)).toEqual([0, 1, 1]);
  });

  it('puts turns in a gap between chapters into the chapter before', () => {
    const gappy: MeetingTruth = { ...truth, chapters: [{ title: 'a', startUtterance: 0, endUtterance: 0 }, { title: 'b', startUtterance: 2, endUtterance: 2 }] };
    expect(referenceChapterOfUtterance(gappy)).toEqual([0, 0, 1]);
  });
});
