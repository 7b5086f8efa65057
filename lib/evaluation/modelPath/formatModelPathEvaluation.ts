import { addCounts, NO_COUNTS, scoresOf, type ItemCounts } from '../notes/itemScores.js';
import type { ModelPathEvaluation, ModelPathMeetingScore } from './evaluateModelPath.js';

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length);
const f3 = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(3));
const f2 = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(2));
const sum = (counts: readonly (ItemCounts | null)[]): ItemCounts => counts.reduce<ItemCounts>((total, c) => (c === null ? total : addCounts(total, c)), NO_COUNTS);

function row(name: string, scores: readonly ModelPathMeetingScore[]): string {
  const summarised = scores.filter((s) => s.rouge1 !== null);
  const actions = sum(scores.map((s) => s.actionItems));
  const decisions = sum(scores.map((s) => s.decisions));
  const a = scoresOf(actions);
  const d = scoresOf(decisions);
  return `| ${name} | ${f3(mean(scores.map((s) => s.pk)))} | ${f3(mean(scores.map((s) => s.windowDiff)))} | ${f3(mean(summarised.map((s) => s.rouge1 ?? 0)))} | ${f3(mean(summarised.map((s) => s.rouge2 ?? 0)))} | ${actions.predicted}/${actions.labelled}/${actions.matched} | ${f2(a.precision)} | ${f2(a.recall)} | ${f2(a.ownerAccuracy)} | ${decisions.predicted}/${decisions.labelled}/${decisions.matched} | ${f2(d.precision)} | ${f2(d.recall)} |`;
}

/** The model path beside the offline engine and the baselines, on the same meetings, in the offline tables' terms. */
export function formatModelPathEvaluation(evaluation: ModelPathEvaluation, heading: string): string {
  const first = evaluation.engines[0]?.scores ?? [];
  const labelled = first.filter((s) => s.actionItems !== null).length;
  const summarised = first.filter((s) => s.rouge1 !== null).length;
  const lines = [
    heading,
    `meetings: ${evaluation.meetings.join(' ')} (${summarised} with a reference summary, ${labelled} labelled)`,
    '| engine | Pk | WD | ROUGE-1 | ROUGE-2 | action items pred/label/match | prec | recall | owner | decisions pred/label/match | prec | recall |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...evaluation.engines.map((engine) => row(engine.name, engine.scores)),
  ];
  for (const failure of evaluation.failures) lines.push(`model failed on ${failure.id} (scored as empty notes): ${failure.reason.slice(0, 200)}`);
  return lines.join('\n');
}
