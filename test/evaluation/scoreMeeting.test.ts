import { describe, expect, it } from 'vitest';
import { formatScoreTable } from '../../lib/evaluation/formatReport.js';
import { meanScores } from '../../lib/evaluation/meanScores.js';
import type { MeetingTruth } from '../../lib/evaluation/meetingTruth.js';
import { scoreMeeting } from '../../lib/evaluation/scoreMeeting.js';
import { transcriptOf } from '../domain/understanding/transcriptBuilder.js';

const texts = ['We open the meeting.', 'The battery is kinetic.', 'The battery charges fast.', 'The advert runs on television.', 'The advert is funny.', 'We close.'];
const transcript = transcriptOf(texts.map((text) => ({ speaker: 'A', text })));
const truth: MeetingTruth = {
  id: 'm1',
  utterances: texts.map((text, i) => ({ i, speaker: 'A', text, startMs: i * 5_000, endMs: (i + 1) * 5_000 })),
  chapters: [
    { title: 'Battery', startUtterance: 0, endUtterance: 2 },
    { title: 'Advert', startUtterance: 3, endUtterance: 5 },
  ],
  summary: 'The battery is kinetic. The advert runs on television.',
};
const ids = transcript.utterances.map((utterance) => utterance.id);

describe('scoreMeeting', () => {
  it('scores a perfect system as perfect, next to the baselines', () => {
    const scores = scoreMeeting(transcript, truth, {
      chapters: [{ utteranceIds: ids.slice(0, 3) }, { utteranceIds: ids.slice(3) }],
      summary: 'The battery is kinetic. The advert runs on television.',
    });
    expect(scores.chapters.system).toEqual({ pk: 0, windowDiff: 0 });
    expect(scores.chapters.oneChapter.pk).toBeGreaterThan(0);
    // Equal-duration halves coincide with the reference here.
    expect(scores.chapters.equalChapters).toEqual({ pk: 0, windowDiff: 0 });
    expect(scores.summary?.system).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(scores.summary?.firstWords.rouge1).toBeLessThan(1);
    expect(scores).toMatchObject({ id: 'm1', utterances: 6, referenceChapters: 2, systemChapters: 2, window: 2 });
  });

  it('has no summary score when the reference has no summary', () => {
    const scores = scoreMeeting(transcript, { ...truth, summary: '' }, { chapters: [{ utteranceIds: ids }], summary: 'Anything.' });
    expect(scores.summary).toBeNull();
  });

  it('refuses chapters that leave out an utterance', () => {
    expect(() => scoreMeeting(transcript, truth, { chapters: [{ utteranceIds: ids.slice(1) }], summary: '' })).toThrow(/leave out utterance u0/);
  });

  it('averages meetings and prints a table with a MEAN row', () => {
    const good = scoreMeeting(transcript, truth, { chapters: [{ utteranceIds: ids.slice(0, 3) }, { utteranceIds: ids.slice(3) }], summary: truth.summary ?? '' });
    const poor = scoreMeeting(transcript, { ...truth, id: 'm2', summary: null }, { chapters: [{ utteranceIds: ids }], summary: '' });
    const mean = meanScores([good, poor]);
    expect(mean.chapters.system.pk).toBeCloseTo(poor.chapters.system.pk / 2, 12);
    expect(mean.meetingsWithSummary).toBe(1);
    expect(mean.summary?.system.rouge1).toBe(1);
    const table = formatScoreTable([{ scores: good, engineMs: 3 }, { scores: poor, engineMs: 5 }], mean);
    expect(table.split('\n').filter((line) => /^(m1|m2|MEAN)\b/.test(line))).toHaveLength(3);
  });
});
