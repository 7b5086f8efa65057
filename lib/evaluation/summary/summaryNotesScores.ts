import { createHash } from 'node:crypto';
import type { Transcript } from '../../domain/transcript/schema.js';
import { extractActionItems } from '../../domain/understanding/extractActionItems.js';
import { extractDecisions } from '../../domain/understanding/extractDecisions.js';
import { summarizeExtractive } from '../../domain/understanding/summarizeExtractive.js';
import { firstWords, wordCount } from '../baselines.js';
import { rouge } from '../rouge.js';

/** One meeting with a reference summary. */
export interface SummaryCase {
  id: string;
  transcript: Transcript;
  reference: string;
  meetingDate: Date;
}

export interface SummaryCaseScore {
  id: string;
  source: string;
  /** Meetings in the tuning half were looked at while the rules were written; the other half never was. */
  split: 'tune' | 'held-out';
  rouge1: number;
  rouge2: number;
  leadRouge1: number;
  leadRouge2: number;
  words: number;
  referenceWords: number;
  engineMs: number;
  meetingHours: number;
}

/** AMI (ES/IS/TS), ICSI (B*) or parliamentary committee (covid_/education_), from the QMSum id. */
export const sourceOf = (id: string): string => (/^(?:covid|education)_/.test(id) ? 'committee' : /^(?:ES|IS|TS)\d/.test(id) ? 'AMI' : /^B/.test(id) ? 'ICSI' : 'other');

/** A fixed half of the meetings, by a hash of the id: the same on every run and machine. */
export const splitOf = (id: string): 'tune' | 'held-out' => ((createHash('sha256').update(id).digest()[0] ?? 0) % 2 === 0 ? 'tune' : 'held-out');

/**
 * The offline summary (with the offline decisions and action items as its sections) against the reference,
 * by ROUGE-1/2 F1, beside the lead baseline: the transcript's first words, as many as the reference has.
 */
export function scoreSummaryCase(meeting: SummaryCase): SummaryCaseScore {
  const started = performance.now();
  const actionItems = extractActionItems(meeting.transcript, { meetingDate: meeting.meetingDate });
  const summary = summarizeExtractive(meeting.transcript, { actionItems, decisions: extractDecisions(meeting.transcript) });
  const engineMs = performance.now() - started;
  const system = rouge(summary.text, meeting.reference);
  const lead = rouge(firstWords(meeting.transcript.utterances.map((u) => u.text), wordCount(meeting.reference)), meeting.reference);
  return {
    id: meeting.id,
    source: sourceOf(meeting.id),
    split: splitOf(meeting.id),
    rouge1: system.rouge1.f1,
    rouge2: system.rouge2.f1,
    leadRouge1: lead.rouge1.f1,
    leadRouge2: lead.rouge2.f1,
    words: wordCount(summary.text),
    referenceWords: wordCount(meeting.reference),
    engineMs,
    meetingHours: meeting.transcript.durationMs / 3_600_000,
  };
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const f3 = (value: number): string => value.toFixed(3);

/** Per source and overall, for each half and both: the summary's ROUGE beside the lead baseline, and the engine's time. */
export function formatSummaryNotesScores(scores: readonly SummaryCaseScore[]): string {
  const groups: [string, SummaryCaseScore[]][] = [];
  for (const split of ['tune', 'held-out', 'all'] as const) {
    const inSplit = scores.filter((score) => split === 'all' || score.split === split);
    for (const source of [...new Set(scores.map((score) => score.source))].sort()) groups.push([`${split} / ${source}`, inSplit.filter((score) => score.source === source)]);
    groups.push([`${split} / overall`, inSplit]);
  }
  const header = '| meetings | n | ROUGE-1 | ROUGE-2 | lead R-1 | lead R-2 | words (ref) |';
  const lines = groups
    .filter(([, group]) => group.length > 0)
    .map(([name, group]) =>
      `| ${name} | ${group.length} | ${f3(mean(group.map((s) => s.rouge1)))} | ${f3(mean(group.map((s) => s.rouge2)))} | ${f3(mean(group.map((s) => s.leadRouge1)))} | ${f3(mean(group.map((s) => s.leadRouge2)))} | ${Math.round(mean(group.map((s) => s.words)))} (${Math.round(mean(group.map((s) => s.referenceWords)))}) |`,
    );
  const hours = scores.reduce((sum, s) => sum + s.meetingHours, 0);
  const ms = scores.reduce((sum, s) => sum + s.engineMs, 0);
  return [
    'Summary as notes (ROUGE F1, stemmed; targets R-1 >= 0.30, R-2 >= 0.06; lead = first N words, N = reference length)',
    header,
    '|---|---|---|---|---|---|---|',
    ...lines,
    `Summary + action items + decisions: ${Math.round(ms)} ms for ${hours.toFixed(1)} meeting-hours (${Math.round(ms / Math.max(hours, 1e-9))} ms per meeting-hour)`,
  ].join('\n');
}
