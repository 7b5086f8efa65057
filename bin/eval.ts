#!/usr/bin/env -S npx tsx
/**
 * Scores the offline meeting-understanding engine on the reference meetings, next to trivial
 * baselines: chapters (Pk, WindowDiff), summary (ROUGE-1/2/L), archive search (recall at k, MRR
 * against the questions' answer spans) and action-item counts.
 *
 *   npx tsx bin/eval.ts [--data <dir>] [--json <file>]
 *
 * Data: `<id>.vtt` and `<id>.truth.json` pairs; by default ../shared/data/qmsum-train (162
 * meetings) beside the repository, else ../shared/data/meetings, else the samples in samples/meetings.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { meetingCorpusDir } from '../lib/bench/meetingCorpus.js';
import { parseArgs } from 'node:util';
import { importTranscript } from '../lib/domain/transcript/importTranscript.js';
import { extractActionItems } from '../lib/domain/understanding/extractActionItems.js';
import { segmentChapters } from '../lib/domain/understanding/segmentChapters.js';
import { summarizeExtractive } from '../lib/domain/understanding/summarizeExtractive.js';
import { evaluateChapters } from '../lib/evaluation/chapterEvaluation.js';
import { formatChapterEvaluation } from '../lib/evaluation/formatChapterEvaluation.js';
import { runArchiveSearchEvaluation } from '../lib/evaluation/archiveSearchRun.js';
import { formatActionItems, formatScoreTable, type ActionItemCount, type ActionItemExample, type ReportRow } from '../lib/evaluation/formatReport.js';
import { meanScores } from '../lib/evaluation/meanScores.js';
import { MeetingTruthSchema } from '../lib/evaluation/meetingTruth.js';
import { scoreMeeting } from '../lib/evaluation/scoreMeeting.js';
import { summaryNotesReport } from '../lib/evaluation/summary/summaryNotesReport.js';
import { notesReport } from '../lib/evaluation/notes/notesReport.js';
import { runAskEvaluation } from '../lib/evaluation/evaluateAsk.js';
import { modelPathReport } from '../lib/evaluation/modelPath/modelPathReport.js';
import { loadConfig } from '../lib/config/config.js';

// The reference data carries no meeting dates; a fixed Monday makes "by Friday" resolve the same way on every run.
const MEETING_DATE = new Date(2024, 0, 15);
const MEETING_DATE_LABEL = 'Monday 2024-01-15';
const EXAMPLES_PER_MEETING = 1;

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

function dataDirectory(requested: string | undefined): string {
  try {
    return meetingCorpusDir(requested === undefined ? undefined : resolve(requested), 'large');
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}; pass --data <dir>`);
  }
}

async function main(): Promise<void> {
  let values: { data?: string | undefined; json?: string | undefined; 'search-questions'?: string | undefined; 'calibrate-search'?: boolean | undefined; 'search-only'?: boolean | undefined; 'model-meetings'?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, json: { type: 'string' }, 'search-questions': { type: 'string' }, 'calibrate-search': { type: 'boolean' }, 'search-only': { type: 'boolean' }, 'model-meetings': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\nusage: npx tsx bin/eval.ts [--data <dir>] [--json <file>] [--search-questions <n>] [--calibrate-search] [--search-only] [--model-meetings <n>]`);
  }
  const dir = dataDirectory(values.data);
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith('.vtt') && existsSync(join(dir, name.replace(/\.vtt$/, '.truth.json'))))
    .map((name) => name.replace(/\.vtt$/, ''))
    .sort();
  if (ids.length === 0) fail(`no meetings in ${dir}: expected <id>.vtt files with <id>.truth.json beside them`);
  if (values['search-only'] === true) {
    const { text } = await runArchiveSearchEvaluation({ fallbackDir: dir, dataDir: dir, maxQuestions: values['search-questions'] === undefined ? undefined : Number(values['search-questions']), calibrate: values['calibrate-search'] });
    process.stdout.write(`${text}\n`);
    return;
  }

  const rows: ReportRow[] = [];
  const counts: ActionItemCount[] = [];
  const examples: ActionItemExample[] = [];
  for (const id of ids) {
    const transcript = await importTranscript(readFileSync(join(dir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
    const truth = MeetingTruthSchema.parse(JSON.parse(readFileSync(join(dir, `${id}.truth.json`), 'utf8')));

    const started = performance.now();
    const summary = summarizeExtractive(transcript);
    const actionItems = extractActionItems(transcript, { meetingDate: MEETING_DATE });
    const chapters = segmentChapters(transcript);
    const engineMs = performance.now() - started;

    rows.push({ scores: scoreMeeting(transcript, truth, { chapters, summary: summary.text }), engineMs });
    counts.push({
      meetingId: id,
      items: actionItems.length,
      withOwner: actionItems.filter((item) => item.owner !== null).length,
      withDueDate: actionItems.filter((item) => item.dueDate !== null).length,
    });
    // Show the most complete items: with a due date, then with an owner, then the shortest.
    const mostComplete = [...actionItems].sort(
      (a, b) => Number(b.dueDate !== null) - Number(a.dueDate !== null) || Number(b.owner !== null) - Number(a.owner !== null) || a.text.length - b.text.length,
    );
    for (const item of mostComplete.slice(0, EXAMPLES_PER_MEETING)) {
      examples.push({ meetingId: id, text: item.text, owner: item.owner, dueDate: item.dueDate, dueText: item.dueText });
    }
  }

  const mean = meanScores(rows.map((row) => row.scores));
  process.stdout.write(`Evaluation on ${ids.length} meetings from ${dir}\n\n`);
  process.stdout.write(`${formatScoreTable(rows, mean)}\n\n${formatActionItems(counts, examples, MEETING_DATE_LABEL)}\n`);

  const { text: searchText, report: search } = await runArchiveSearchEvaluation({
    fallbackDir: dir,
    maxQuestions: values['search-questions'] === undefined ? undefined : Number(values['search-questions']),
    calibrate: values['calibrate-search'],
  });
  process.stdout.write(`\n${searchText}\n`);
  process.stdout.write(`\n${formatChapterEvaluation(await evaluateChapters(dir, ids))}\n`);
  process.stdout.write(`\n${(await summaryNotesReport(dir, MEETING_DATE)).table}\n`);
  process.stdout.write(`\n${(await notesReport(dir, MEETING_DATE)).text}\n`);
  process.stdout.write(`\n${await runAskEvaluation(dir)}\n`);
  process.stdout.write(`\n${(await modelPathReport({ dataDir: dir, ids, meetingDate: MEETING_DATE, config: loadConfig(process.env), ...(values['model-meetings'] === undefined ? {} : { maxMeetings: Number(values['model-meetings']) }) })).text}\n`);

  if (values.json !== undefined) {
    const report = { dataDir: dir, meetingDate: MEETING_DATE_LABEL, meetings: rows, mean, actionItems: counts, search };
    writeFileSync(resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nScores written to ${resolve(values.json)}\n`);
  }
}

await main();
