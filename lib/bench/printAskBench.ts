import { benchAsk, type AskTimes, type Spread } from './askBench.js';

// Target from the archive-search issue: the first word of an answer within 1.5 s of asking.
const TARGET_FIRST_TOKEN_P95_MS = 1_500;
// Below this many meetings the run is CI's short one: a sample of the questions keeps it near half a minute.
const FULL_RUN_MEETINGS = 1_000;
const SHORT_RUN_QUESTIONS = 12;

/** The ask bench's lines in `npm run bench`: `meetings` as given on the command line. */
export async function printAskBench(corpusDir: string, corpusMeetings: string[], dataDir: string, meetingsFlag: string | undefined, print: (line?: string) => void): Promise<void> {
  const meetings = Number(meetingsFlag);
  if (!Number.isInteger(meetings) || meetings < 1) throw new Error(`--ask-meetings must be a positive whole number, got ${meetingsFlag}`);
  const bench = await benchAsk(corpusDir, corpusMeetings, dataDir, {
    meetings,
    ...(meetings >= FULL_RUN_MEETINGS ? {} : { maxQuestions: SHORT_RUN_QUESTIONS }),
    onProgress: (indexed, seconds) => print(`  ask archive: ${indexed} meetings indexed in ${seconds.toFixed(0)} s`),
  });
  const { speed } = bench;
  print(`ask the archive       ${bench.meetings} meetings (1 in 10 of another tenant; transcripts in the embedded S3 store), built in ${bench.indexSeconds.toFixed(0)} s; ${bench.questions} corpus questions asked one at a time`);
  print(`  archive search      ${ms(bench.search)} (the search inside retrieval, alone; the rest is reading the passages' transcripts)`);
  print(`  model               ${speed.model} played at ${(speed.firstTokenMs / 1000).toFixed(2)} s to first token, ${speed.tokensPerSecond} tokens/s (fake OpenAI server, real SDK, streamed)`);
  print(`                      ${times(bench.model)}`);
  print(`                      first token p95 vs target < ${TARGET_FIRST_TOKEN_P95_MS / 1000} s: ${(bench.model.firstToken.p95Ms / TARGET_FIRST_TOKEN_P95_MS).toFixed(2)}×; answered ${bench.model.answered}/${bench.questions} (by ${bench.model.answeredBy.join(', ')})`);
  print(`  extractive (offline) ${times(bench.extractive)}; answered ${bench.extractive.answered}/${bench.questions}`);
}

const ms = (spread: Spread) => `p50 ${spread.p50Ms.toFixed(0)} ms, p95 ${spread.p95Ms.toFixed(0)} ms`;
const times = (t: AskTimes) => `retrieval ${ms(t.retrieval)} | first token ${ms(t.firstToken)} | whole answer ${ms(t.whole)}`;
