import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { importTranscript } from '../../domain/transcript/importTranscript.js';
import { MeetingTruthSchema } from '../meetingTruth.js';
import { formatSummaryNotesScores, scoreSummaryCase, type SummaryCaseScore } from './summaryNotesScores.js';

/** Scores the notes summary on every meeting in `dir` that has a reference summary, and formats the table. */
export async function summaryNotesReport(dir: string, meetingDate: Date): Promise<{ scores: SummaryCaseScore[]; table: string }> {
  const ids = (await readdir(dir)).filter((name) => name.endsWith('.truth.json')).map((name) => name.replace(/\.truth\.json$/, '')).sort();
  const scores: SummaryCaseScore[] = [];
  for (const id of ids) {
    const truth = MeetingTruthSchema.parse(JSON.parse(await readFile(join(dir, `${id}.truth.json`), 'utf8')));
    if (typeof truth.summary !== 'string' || truth.summary.trim().length === 0) continue;
    const transcript = await importTranscript(await readFile(join(dir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
    scores.push(scoreSummaryCase({ id, transcript, reference: truth.summary, meetingDate }));
  }
  return { scores, table: formatSummaryNotesScores(scores) };
}
