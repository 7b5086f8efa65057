import type { ChapterMeetingScore } from './chapterEvaluation.js';

const TITLE_EXAMPLES = 10;
const average = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const score = (value: number): string => value.toFixed(3).replace(/^0/, '');

const COLUMNS: readonly (readonly [string, number])[] = [
  ['part', 9], ['source', 10], ['mtgs', 5], ['ch ref', 7], ['ch sys', 7],
  ['Pk sys', 7], ['1-ch', 6], ['equal', 6], ['WD sys', 7], ['1-ch', 6], ['equal', 6], ['wins', 6],
];
const line = (cells: readonly string[]): string =>
  cells.map((cell, i) => (i < 2 ? cell.padEnd(COLUMNS[i]?.[1] ?? 0) : cell.padStart(COLUMNS[i]?.[1] ?? 0))).join(' ');

function row(part: string, source: string, scores: readonly ChapterMeetingScore[]): string {
  const mean = (pick: (s: ChapterMeetingScore) => number): number => average(scores.map(pick));
  return line([
    part,
    source,
    String(scores.length),
    mean((s) => s.referenceChapters).toFixed(1),
    mean((s) => s.systemChapters).toFixed(1),
    score(mean((s) => s.system.pk)),
    score(mean((s) => s.oneChapter.pk)),
    score(mean((s) => s.equalChapters.pk)),
    score(mean((s) => s.system.windowDiff)),
    score(mean((s) => s.oneChapter.windowDiff)),
    score(mean((s) => s.equalChapters.windowDiff)),
    // Share of meetings where the chapters beat one chapter on Pk.
    score(average(scores.map((s) => (s.system.pk < s.oneChapter.pk ? 1 : 0)))),
  ]);
}

/** Up to `count` chapters spread over the meetings (one per meeting, sources taken in turn) whose reference chapter has a title. */
function titleExamples(scores: readonly ChapterMeetingScore[], count: number): string[] {
  const bySource = new Map<string, ChapterMeetingScore[]>();
  for (const s of scores) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const queues = [...bySource.values()].map((list) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0));
  const examples: string[] = [];
  for (let round = 0; examples.length < count && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const meeting = queue[round];
      const titled = meeting?.titles.filter((title) => title.reference !== '(untitled)' && title.reference !== '');
      const pick = titled?.[round % Math.max(1, titled.length)];
      if (meeting === undefined || pick === undefined || examples.length >= count) continue;
      examples.push(`  ${meeting.id.padEnd(13)} ${pick.system.padEnd(36)} | ${pick.reference}`);
    }
  }
  return examples;
}

/**
 * The chapter table: tuning and held-out parts, per source and overall, the system beside the
 * one-chapter and true-number-of-equal-chapters baselines; then engine time and titles beside
 * the reference titles.
 */
export function formatChapterEvaluation(scores: readonly ChapterMeetingScore[]): string {
  const header = line(COLUMNS.map(([name]) => name));
  const rows: string[] = [];
  for (const part of ['tune', 'held-out', 'all'] as const) {
    const inPart = scores.filter((s) => part === 'all' || s.part === part);
    if (inPart.length === 0) continue;
    for (const source of ['AMI', 'ICSI', 'committee', 'other'] as const) {
      const ofSource = inPart.filter((s) => s.source === source);
      if (ofSource.length > 0) rows.push(row(part, source, ofSource));
    }
    rows.push(row(part, 'all', inPart));
  }
  const slowest = [...scores].sort((a, b) => b.cpuMs / Math.max(b.hours, 1e-9) - a.cpuMs / Math.max(a.hours, 1e-9))[0];
  const longest = [...scores].sort((a, b) => b.hours - a.hours)[0];
  const perHour = (s: ChapterMeetingScore): string => `${(s.cpuMs / 1000 / Math.max(s.hours, 1e-9)).toFixed(3)} s per meeting-hour`;
  return [
    'Chapters: Pk and WindowDiff (lower is better) against the reference chapters; baselines: one chapter, the true number of equal chapters.',
    "Settings chosen on the 'tune' part only; 'held-out' meetings were not looked at. wins = share of meetings where Pk beats one chapter.",
    'Targets: Pk <= .300 and WindowDiff below one chapter overall; wins >= .667.',
    '',
    header,
    '-'.repeat(header.length),
    ...rows,
    '',
    slowest === undefined || longest === undefined
      ? 'Engine time: no meetings'
      : `Engine CPU time (segmentation and titles): slowest ${slowest.id} ${perHour(slowest)}; longest ${longest.id} (${longest.hours.toFixed(1)} h) ${perHour(longest)}`,
    '',
    'Titles (system | reference chapter it overlaps most):',
    ...titleExamples(scores, TITLE_EXAMPLES),
  ].join('\n');
}
