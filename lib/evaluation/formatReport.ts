import type { MeanScores } from './meanScores.js';
import type { MeetingScores } from './scoreMeeting.js';

/** A row of the report: the meeting's scores plus how long the engine took on it. */
export interface ReportRow {
  scores: MeetingScores;
  engineMs: number;
}

export interface ActionItemExample {
  meetingId: string;
  text: string;
  owner: string | null;
  dueDate: string | null;
  dueText: string | null;
}

export interface ActionItemCount {
  meetingId: string;
  items: number;
  withOwner: number;
  withDueDate: number;
}

const score = (value: number | undefined): string => (value === undefined ? '    -' : value.toFixed(3).replace(/^0/, ''));
const pad = (text: string, width: number): string => text.padStart(width);

const COLUMNS = [
  ['meeting', 12, 'left'],
  ['utts', 5],
  ['min', 4],
  ['ch ref', 6],
  ['ch sys', 6],
  ['Pk sys', 7],
  ['1-ch', 5],
  ['equal', 6],
  ['WD sys', 7],
  ['1-ch', 5],
  ['equal', 6],
  ['R1 sys', 7],
  ['lead', 5],
  ['R2 sys', 7],
  ['lead', 5],
  ['RL sys', 7],
  ['lead', 5],
  ['ms', 5],
] as const;

const line = (cells: readonly string[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[0][1]) : pad(cell, COLUMNS[i]?.[1] ?? cell.length))).join(' ');

/** Pk and WindowDiff (system, one chapter, equal chapters), then ROUGE-1/2/L (system, lead): a meeting's or the mean's. */
function scoreCells(chapters: MeanScores['chapters'], summary: MeanScores['summary'] | undefined): string[] {
  return [
    ...(['pk', 'windowDiff'] as const).flatMap((metric) => [score(chapters.system[metric]), score(chapters.oneChapter[metric]), score(chapters.equalChapters[metric])]),
    ...(['rouge1', 'rouge2', 'rougeL'] as const).flatMap((metric) => [score(summary?.system[metric]), score(summary?.firstWords[metric])]),
  ];
}

function meetingCells(row: ReportRow): string[] {
  const { scores } = row;
  const summary = scores.summary;
  return [
    scores.id,
    String(scores.utterances),
    scores.minutes.toFixed(0),
    String(scores.referenceChapters),
    String(scores.systemChapters),
    ...scoreCells(scores.chapters, summary),
    row.engineMs.toFixed(0),
  ];
}

/** The evaluation table: one row per meeting, then the means; system and baselines side by side. */
export function formatScoreTable(rows: readonly ReportRow[], mean: MeanScores): string {
  const header = line(COLUMNS.map(([name]) => name));
  const rule = '-'.repeat(header.length);
  const meanCells = [
    'MEAN',
    '',
    '',
    '',
    '',
    ...scoreCells(mean.chapters, mean.summary),
    (rows.reduce((sum, row) => sum + row.engineMs, 0) / Math.max(1, rows.length)).toFixed(0),
  ];
  return [
    header,
    rule,
    ...rows.map((row) => line(meetingCells(row))),
    rule,
    line(meanCells),
    '',
    'Chapters: Pk and WindowDiff (lower is better) over utterances, k = half the mean reference chapter length;',
    '  baselines: 1-ch = one chapter for the whole meeting, equal = the true number of chapters of equal duration.',
    `Summary: ROUGE F1 (higher is better; lower-cased, Porter-stemmed, no stopword removal) against the reference`,
    `  summary, for the ${mean.meetingsWithSummary} of ${mean.meetings} meetings that have one; lead = the first N words of the transcript, N = the reference's length.`,
    'ms: time for summary, action items and chapters together.',
  ].join('\n');
}

/** Action items per meeting (there is no reference to score them against) and a few examples. */
export function formatActionItems(counts: readonly ActionItemCount[], examples: readonly ActionItemExample[], meetingDate: string): string {
  const lines = [
    `Action items (no reference exists; counts and examples only; dates resolved against ${meetingDate})`,
    `${'meeting'.padEnd(12)} ${pad('items', 5)} ${pad('owner', 5)} ${pad('due', 5)}`,
    ...counts.map(
      (count) => `${count.meetingId.padEnd(12)} ${pad(String(count.items), 5)} ${pad(String(count.withOwner), 5)} ${pad(String(count.withDueDate), 5)}`,
    ),
    '',
    'Examples:',
    ...examples.map((example) => {
      const owner = example.owner ?? 'no owner';
      const due = example.dueDate === null ? '' : `, due ${example.dueDate} ("${example.dueText ?? ''}")`;
      return `  ${example.meetingId.padEnd(12)} [${owner}${due}] ${example.text}`;
    }),
  ];
  return lines.join('\n');
}

