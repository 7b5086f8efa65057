import { describe, expect, it } from 'vitest';
import { chapterSource, chapterSplit, scoreChapters } from '../../lib/evaluation/chapterEvaluation.js';
import { formatChapterEvaluation } from '../../lib/evaluation/formatChapterEvaluation.js';
import type { MeetingTruth } from '../../lib/evaluation/meetingTruth.js';
import { BATTERY_WORDS, MARKETING_WORDS, topicTurns } from '../domain/understanding/topicTurns.js';
import { transcriptOf } from '../domain/understanding/transcriptBuilder.js';

const amiSeries = ['ES2002', 'ES2003', 'ES2005', 'IS1000', 'IS1001', 'IS1002', 'TS3003', 'TS3005', 'TS3006'].flatMap((series) => ['a', 'b', 'c', 'd'].map((letter) => `${series}${letter}`));
const ids = [...amiSeries, 'Bed004', 'Bmr003', 'Bro007', 'Bed005', 'Bmr007', 'Bro008', 'covid_0', 'covid_1', 'covid_3', 'education_1', 'education_2', 'education_3'];

describe('chapterSplit', () => {
  const split = chapterSplit(ids);

  it('holds out a third of every source', () => {
    for (const source of ['AMI', 'ICSI', 'committee'] as const) {
      const ofSource = ids.filter((id) => chapterSource(id) === source);
      const heldOut = ofSource.filter((id) => split.get(id) === 'held-out');
      expect(heldOut.length, source).toBe(ofSource.length / 3);
    }
  });

  it('keeps the four meetings of an AMI series in the same part', () => {
    for (const series of new Set(amiSeries.map((id) => id.slice(0, 6)))) {
      expect(new Set(amiSeries.filter((id) => id.startsWith(series)).map((id) => split.get(id))).size, series).toBe(1);
    }
  });

  it('does not depend on the order the meetings are listed in', () => {
    expect(chapterSplit([...ids].reverse())).toEqual(split);
  });
});

describe('scoreChapters', () => {
  const turns = [...topicTurns(BATTERY_WORDS, 36, 15_000), ...topicTurns(MARKETING_WORDS, 36, 15_000)];
  const transcript = transcriptOf(turns, 'ES2002a');
  const truth: MeetingTruth = {
    id: 'ES2002a',
    utterances: transcript.utterances.map((utterance, i) => ({ i, speaker: 'A', text: utterance.text, startMs: utterance.startMs, endMs: utterance.endMs })),
    chapters: [
      { title: 'Battery choice', startUtterance: 0, endUtterance: 35 },
      { title: 'Marketing campaign', startUtterance: 36, endUtterance: 71 },
    ],
  };

  it('scores the engine beside both baselines and pairs its titles with the reference ones', () => {
    const scores = scoreChapters(transcript, truth, 'tune');
    expect(scores.system.pk).toBeLessThan(scores.oneChapter.pk);
    expect(scores).toMatchObject({ source: 'AMI', part: 'tune', referenceChapters: 2, systemChapters: 2 });
    expect(scores.titles.map((title) => title.reference)).toEqual(['Battery choice', 'Marketing campaign']);
    expect(scores.cpuMs).toBeGreaterThan(0);
  });

  it('prints tuning, held-out and overall rows with the baselines and the title pairs', () => {
    const table = formatChapterEvaluation([scoreChapters(transcript, truth, 'tune'), scoreChapters(transcript, { ...truth, id: 'Bed004' }, 'held-out')]);
    expect(table).toMatch(/^tune\s+AMI\s+1 /m);
    expect(table).toMatch(/^held-out\s+ICSI\s+1 /m);
    expect(table).toMatch(/^all\s+all\s+2 /m);
    expect(table).toContain('| Battery choice');
  });
});
