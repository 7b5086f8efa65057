import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { createOpenAiClient } from '../adapters/openai/createOpenAiClient.js';
import { OpenAiAnswerer } from '../adapters/openai/OpenAiAnswerer.js';
import { loadConfig } from '../config/config.js';
import { askArchive } from '../domain/ask/askArchive.js';
import { ExtractiveAnswerer } from '../domain/ask/ExtractiveAnswerer.js';
import type { AskAnswer } from '../domain/ask/passages.js';
import type { Answerer } from '../domain/ports/Answerer.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../domain/search/indexMeeting.js';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import type { Transcript } from '../domain/transcript/schema.js';
import { alignUtterances } from './alignUtterances.js';
import { MeetingTruthSchema } from './meetingTruth.js';
import { rougeL, rougeN } from './rouge.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** QMSum questions carry a reference answer beside the span that answers them. */
const AskTruthSchema = MeetingTruthSchema.extend({
  queries: z
    .array(z.object({ query: z.string(), answer: z.string().optional(), relevant_text_span: z.array(z.tuple([z.coerce.number().int(), z.coerce.number().int()])).optional() }))
    .optional(),
});

export interface AskScores {
  questions: number;
  /** Share of questions the answerer gave an answer to (not "No passage…"). */
  answered: number;
  rouge1: number;
  rougeL: number;
  /** Of the utterances cited, the share inside the reference span; of the span's utterances, the share cited. */
  citationPrecision: number;
  citationRecall: number;
}

export interface AskEvaluation {
  dataDir: string;
  meetings: number;
  /** Questions with a reference answer and span, and how many of them were asked (every n-th). */
  available: number;
  sampled: number;
  answerer: AskScores;
  /** The top passage's words as the answer, its turns as the citations. */
  topPassage: AskScores;
  model: AskScores | null;
  seconds: number;
}

interface Question {
  meetingId: string;
  query: string;
  answer: string;
  spans: [number, number][];
}

/** Questions asked by `npm run eval`: 1.5–3 minutes on this 2-core machine with the offline answerer. */
export const DEFAULT_ASK_QUESTIONS = 150;

/**
 * What bin/eval.ts calls: the table for the corpus, with the model's row when OPENAI_API_KEY
 * (and optionally OPENAI_BASE_URL, OPENAI_MODEL) is set.
 */
export async function runAskEvaluation(evalDir: string, maxQuestions = DEFAULT_ASK_QUESTIONS): Promise<string> {
  const config = loadConfig(process.env);
  const model =
    config.OPENAI_API_KEY === undefined
      ? undefined
      : new OpenAiAnswerer({
          client: createOpenAiClient({ apiKey: config.OPENAI_API_KEY, ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }) }),
          model: config.OPENAI_MODEL,
        });
  return formatAskScores(await evaluateAsk({ dataDir: askCorpusDir(evalDir), maxQuestions, ...(model === undefined ? {} : { model }) }));
}

/** QMSum (all 162 meetings) beside the repository when present, else the evaluation's own corpus. */
export function askCorpusDir(fallback: string): string {
  const qmsum = join(REPO_ROOT, '../shared/data/qmsum-train');
  return existsSync(qmsum) && readdirSync(qmsum).some((name) => name.endsWith('.truth.json')) ? qmsum : fallback;
}

/**
 * "Ask the archive" scored on the reference questions that have an answer: each is asked of its
 * own meeting (as on the meeting page) in an archive of every meeting of the corpus; the answer
 * is scored by ROUGE-1/L F1 against the reference answer, and its citations by precision and
 * recall of the reference span's utterances. Beside it, the top passage as the answer. Every
 * `step`-th question (in file order) is asked, so the sample is the same on every run.
 */
export async function evaluateAsk(options: { dataDir: string; maxQuestions: number; model?: Answerer }): Promise<AskEvaluation> {
  const started = performance.now();
  const ids = readdirSync(options.dataDir)
    .filter((name) => name.endsWith('.vtt') && existsSync(join(options.dataDir, name.replace(/\.vtt$/, '.truth.json'))))
    .map((name) => name.slice(0, -'.vtt'.length))
    .sort();
  const transcripts = new Map<string, Transcript>();
  const referenceIndex = new Map<string, Map<string, number>>();
  const available: Question[] = [];
  for (const id of ids) {
    const transcript = await importTranscript(readFileSync(join(options.dataDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
    const truth = AskTruthSchema.parse(JSON.parse(readFileSync(join(options.dataDir, `${id}.truth.json`), 'utf8')));
    transcripts.set(id, transcript);
    const alignment = alignUtterances(transcript, truth);
    referenceIndex.set(id, new Map(transcript.utterances.map((utterance, i) => [utterance.id, alignment[i] ?? -1])));
    for (const q of truth.queries ?? []) {
      if (q.answer !== undefined && q.answer.trim() !== '' && q.relevant_text_span !== undefined) available.push({ meetingId: id, query: q.query, answer: q.answer, spans: q.relevant_text_span });
    }
  }
  const step = Math.max(1, Math.ceil(available.length / options.maxQuestions));
  const questions = available.filter((_, i) => i % step === 0);
  const asked = new Set(questions.map((question) => question.meetingId));

  const embedder = new HashedTermEmbedder();
  const indexDir = mkdtempSync(join(tmpdir(), 'aftercall-ask-eval-'));
  const index = await LanceVectorIndex.open(indexDir, embedder.dimensions);
  try {
    // Only the meetings asked about: each question is scoped to its meeting, so the others would change nothing.
    for (const id of asked) await indexMeeting({ embedder, index }, { tenantId: 'eval', transcript: transcripts.get(id)! });
    await index.optimize();
    const ask = async (answerer: Answerer, question: Question): Promise<AskAnswer> => {
      let answer: AskAnswer | null = null;
      const deps = { embedder, index, transcripts: async (_tenant: string, meetingId: string) => transcripts.get(meetingId) ?? null, answerer, fallback: null };
      for await (const event of askArchive(deps, { tenantId: 'eval', question: question.query, meetingId: question.meetingId })) if (event.type === 'done') answer = event.answer;
      return answer!;
    };
    const score = (question: Question, text: string, cited: readonly string[]) => scoreAnswer(question, text, cited, referenceIndex.get(question.meetingId)!);
    const extractive = new ExtractiveAnswerer();
    const answererRows = [];
    const baselineRows = [];
    const modelRows = [];
    for (const question of questions) {
      const answer = await ask(extractive, question);
      answererRows.push({ answered: answer.answered, ...score(question, answer.answered ? answer.text : '', citedUtterances(answer)) });
      const top = answer.passages[0];
      baselineRows.push({ answered: top !== undefined, ...score(question, top?.lines.map((line) => line.text).join(' ') ?? '', top?.lines.map((line) => line.utteranceId) ?? []) });
      if (options.model !== undefined) {
        const modelAnswer = await ask(options.model, question);
        modelRows.push({ answered: modelAnswer.answered, ...score(question, modelAnswer.answered ? modelAnswer.text : '', citedUtterances(modelAnswer)) });
      }
    }
    return {
      dataDir: options.dataDir,
      meetings: ids.length,
      available: available.length,
      sampled: questions.length,
      answerer: mean(answererRows),
      topPassage: mean(baselineRows),
      model: options.model === undefined ? null : mean(modelRows),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await index.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}

const citedUtterances = (answer: AskAnswer): string[] => [...new Set(answer.sentences.flatMap((sentence) => sentence.citations.flatMap((citation) => citation.utteranceIds)))];

function scoreAnswer(question: Question, text: string, cited: readonly string[], referenceIndex: ReadonlyMap<string, number>) {
  const plain = text.replaceAll('«', '').replaceAll('»', '');
  const inSpan = (index: number) => question.spans.some(([from, to]) => from <= index && index <= to);
  const citedIndexes = new Set(cited.map((id) => referenceIndex.get(id) ?? -1).filter((index) => index >= 0));
  const spanIndexes = new Set([...referenceIndex.values()].filter(inSpan));
  const hits = [...citedIndexes].filter(inSpan).length;
  return {
    rouge1: rougeN(plain, question.answer, 1).f1,
    rougeL: rougeL(plain, question.answer).f1,
    citationPrecision: citedIndexes.size === 0 ? 0 : hits / citedIndexes.size,
    citationRecall: spanIndexes.size === 0 ? 0 : hits / spanIndexes.size,
  };
}

function mean(rows: readonly (Omit<AskScores, 'questions' | 'answered'> & { answered: boolean })[]): AskScores {
  const average = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, rows.length);
  return {
    questions: rows.length,
    answered: average((row) => Number(row.answered)),
    rouge1: average((row) => row.rouge1),
    rougeL: average((row) => row.rougeL),
    citationPrecision: average((row) => row.citationPrecision),
    citationRecall: average((row) => row.citationRecall),
  };
}

/** The table `npm run eval` prints. */
export function formatAskScores(evaluation: AskEvaluation): string {
  const row = (name: string, scores: AskScores) =>
    `${name.padEnd(30)}${pct(scores.answered)}${num(scores.rouge1)}${num(scores.rougeL)}${num(scores.citationPrecision)}${num(scores.citationRecall)}`;
  return [
    `Ask the archive — ${evaluation.sampled} of ${evaluation.available} QMSum questions with a reference answer and span (every ${Math.ceil(evaluation.available / evaluation.sampled)}th), each asked of its meeting; ${evaluation.meetings} meetings in ${evaluation.dataDir}; ${evaluation.seconds.toFixed(0)} s`,
    `${''.padEnd(30)}${'answered'.padStart(10)}${'ROUGE-1'.padStart(10)}${'ROUGE-L'.padStart(10)}${'cite P'.padStart(10)}${'cite R'.padStart(10)}`,
    row('extractive answer (offline)', evaluation.answerer),
    ...(evaluation.model === null ? [] : [row('model answer (OPENAI_API_KEY)', evaluation.model)]),
    row('baseline: top passage', evaluation.topPassage),
    ...(evaluation.model === null ? ['(set OPENAI_API_KEY for the model path’s row)'] : []),
  ].join('\n');
}

const pct = (value: number) => `${(value * 100).toFixed(0)}%`.padStart(10);
const num = (value: number) => value.toFixed(3).padStart(10);
