import { scoresOf, type ItemCounts } from './itemScores.js';
import { sumCounts, type NotesEvaluation } from './evaluateNotes.js';

const TARGETS = 'targets (action items): precision >= 0.60, recall >= 0.50, owner accuracy >= 0.80';

const num = (value: number): string => (Number.isNaN(value) ? '   -' : value.toFixed(2));

function row(engine: string, part: string, counts: ItemCounts, withOwner: boolean): string {
  const s = scoresOf(counts);
  const cells = [engine.padEnd(38), part.padEnd(7), String(counts.predicted).padStart(5), String(counts.labelled).padStart(5), String(counts.matched).padStart(5), num(s.precision).padStart(6), num(s.recall).padStart(6)];
  if (withOwner) cells.push(num(s.ownerAccuracy).padStart(6));
  return cells.join(' ');
}

/**
 * Two tables, action items then decisions: each engine (baseline first) on the tuning half, the
 * held-out report half, and all labelled meetings.
 */
export function formatNotesEvaluation(evaluation: NotesEvaluation): string {
  const parts = [
    ['tune', evaluation.tune],
    ['report', evaluation.report],
    ['all', [...evaluation.tune, ...evaluation.report]],
  ] as const;
  const table = (kind: 'actionItems' | 'decisions', title: string): string => {
    const withOwner = kind === 'actionItems';
    const header = ['engine'.padEnd(38), 'part'.padEnd(7), 'pred'.padStart(5), 'label'.padStart(5), 'match'.padStart(5), 'prec'.padStart(6), 'recall'.padStart(6), ...(withOwner ? ['owner'.padStart(6)] : [])].join(' ');
    const lines = [title, header, '-'.repeat(header.length)];
    for (const engine of evaluation.engines) {
      for (const [part, ids] of parts) lines.push(row(engine.name, part, sumCounts(engine.meetings, ids)[kind], withOwner));
    }
    return lines.join('\n');
  };
  return [
    `Action items and decisions on ${evaluation.tune.length + evaluation.report.length} labelled meetings (labels/GUIDELINE.md matching)`,
    `tune:   ${evaluation.tune.join(' ')}`,
    `report: ${evaluation.report.join(' ')}  (held out: not used to choose rules)`,
    '',
    table('actionItems', 'Action items'),
    TARGETS,
    '',
    table('decisions', 'Decisions'),
  ].join('\n');
}
