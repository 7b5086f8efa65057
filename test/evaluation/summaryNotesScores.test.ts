import { describe, expect, it } from 'vitest';
import { formatSummaryNotesScores, scoreSummaryCase, sourceOf, splitOf } from '../../lib/evaluation/summary/summaryNotesScores.js';
import { transcriptOf } from '../domain/understanding/transcriptBuilder.js';

const meeting = transcriptOf([
  { speaker: 'Project Manager', text: 'Um okay, welcome everyone to the kick-off meeting.' },
  { speaker: 'Project Manager', text: 'I think we should design a remote control that is cheap and fashionable.' },
  { speaker: 'Industrial Designer', text: 'The kinetic battery is cheaper than the solar battery for the remote control.' },
  { speaker: 'Marketing', text: 'Young customers pay more for a fashionable remote control.' },
]);

describe('summary notes scores', () => {
  it('scores the summary and the lead baseline against the reference, per source and split', () => {
    const reference = 'Project Manager suggested that the group should design a cheap and fashionable remote control. Industrial Designer said the kinetic battery is cheaper.';
    const score = scoreSummaryCase({ id: 'ES2002a', transcript: meeting, reference, meetingDate: new Date(2024, 0, 15) });
    expect(score.source).toBe('AMI');
    expect(score.rouge1).toBeGreaterThan(0.4);
    expect(score.rouge2).toBeGreaterThan(0.2);
    const unrelated = scoreSummaryCase({ id: 'covid_1', transcript: meeting, reference: 'Members asked ministers about pandemic benefits.', meetingDate: new Date(2024, 0, 15) });
    expect(unrelated.rouge2).toBe(0);
    const table = formatSummaryNotesScores([score, unrelated]);
    expect(table).toMatch(/\| all \/ overall \| 2 \|/);
    expect(table).toMatch(/\| all \/ AMI \| 1 \|/);
  });

  it('names sources and splits the meetings the same way every time', () => {
    expect([sourceOf('Bmr003'), sourceOf('IS1001c'), sourceOf('education_4')]).toEqual(['ICSI', 'AMI', 'committee']);
    expect(splitOf('ES2002a')).toBe(splitOf('ES2002a'));
    const ids = Array.from({ length: 40 }, (_, i) => `TS${3000 + i}a`);
    expect(ids.filter((id) => splitOf(id) === 'tune').length).toBeGreaterThan(10);
    expect(ids.filter((id) => splitOf(id) === 'held-out').length).toBeGreaterThan(10);
  });
});
