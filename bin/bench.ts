import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { meetingCorpusDir, meetingIdsIn } from '../lib/bench/meetingCorpus.js';
import { benchCallbackSizes, LAMBDA_PAYLOAD_LIMIT_BYTES } from '../lib/bench/callbackSizeBench.js';
import { benchApiKeyCheck } from '../lib/bench/apiKeyBench.js';
import { benchDeliveries } from '../lib/bench/deliveryBench.js';
import { benchMeetingList } from '../lib/bench/listBench.js';
import { benchSearch, type LegTiming, type SearchBench } from '../lib/bench/searchBench.js';
import { REBUILD_BATCH_MEETINGS } from '../lib/domain/meetings/rebuildIndex.js';
import { printAskBench } from '../lib/bench/printAskBench.js';
import { writeBenchDocs } from '../lib/bench/benchDocs.js';
import { benchMeetings, benchStateMachineOverhead } from '../lib/bench/workflowBench.js';
import { benchMeetingPath, benchProviders, INSTANT, REALISTIC } from './benchProviders.js';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Targets from the walking-skeleton issue, for this 2-core machine.
const TARGET_SECONDS_PER_MEETING_HOUR = 5;
const TARGET_PEAK_RSS_MB = 400;
// Targets from the providers issue.
const TARGET_WEBHOOK_TO_MANIFEST_S = 60;
const TARGET_OWN_SHARE = 0.05;
const TARGET_INPUT_TOKEN_RATIO = 1.5;
// Target from the users issue.
const TARGET_SEARCH_P95_MS = 50;
const TARGET_LIST_P95_MS = 20;

const { values } = parseArgs({
  options: { data: { type: 'string' }, overhead: { type: 'string', default: '30' }, providers: { type: 'boolean', default: true },
    'no-providers': { type: 'boolean' },
    live: { type: 'boolean', default: true },
    'no-live': { type: 'boolean' },
    'search-meetings': { type: 'string', default: '1000' },
    // Only the archive search bench, e.g. at 10,000 meetings by hand: `npm run bench -- --search-only --search-meetings 10000`.
    'search-only': { type: 'boolean', default: false },
    // Keep the search index in this folder; a later run with the same folder only measures the queries.
    'search-index-dir': { type: 'string' },
    // Compare the vector list's top 10 with an exact search on this many questions (an exact search reads every row: seconds each at 10,000 meetings).
    'search-recall': { type: 'string', default: '0' },
    // Ask the archive, timed with the model played at published speed; by hand: `npm run bench -- --ask-only --ask-meetings 1000`.
    'ask-meetings': { type: 'string', default: '50' },
    'ask-only': { type: 'boolean', default: false },
    // Rewrite the generated section of docs/benchmarks.md with this run's output and the machine's facts.
    'write-docs': { type: 'boolean', default: false },
  },
});
if (values['no-providers'] === true) values.providers = false;
if (values['no-live'] === true) values.live = false;
const corpus = meetingCorpusDir(values.data);
const dataDir = await mkdtemp(join(tmpdir(), 'aftercall-bench-'));
const printed: string[] = [];
const print = (line = '') => {
  printed.push(line);
  process.stdout.write(`${line}\n`);
};
/** With --write-docs, the run's output goes to docs/benchmarks.md, the one place for figures. */
async function writeDocs(): Promise<void> {
  if (values['write-docs'] !== true) return;
  const docs = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  await writeBenchDocs(docs, printed, ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '));
  process.stdout.write(`figures written to ${docs}\n`);
}

const searchMeetings = Number(values['search-meetings']);
if (!Number.isInteger(searchMeetings) || searchMeetings < 1) throw new Error(`--search-meetings must be a positive whole number, got ${values['search-meetings']}`);

/** The archive search lines: size, build, latency, memory. */
function printSearch(search: SearchBench): void {
  print(`archive search        ${search.meetings} meetings (${search.documents} passages, 1 in 10 of another tenant), indexed in ${search.indexSeconds.toFixed(0)} s (${REBUILD_BATCH_MEETINGS} meetings a write, as a rebuild; embedding the corpus once ${search.embedSeconds.toFixed(1)} s), ${(search.indexBytes / 1024 / 1024).toFixed(0)} MB on disk`);
  print(`                      p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms over ${search.queries} questions from the corpus (target p95 < ${TARGET_SEARCH_P95_MS} ms: ${(search.p95Ms / TARGET_SEARCH_P95_MS).toFixed(2)}×); ${(search.answeredShare * 100).toFixed(0)} % answered`);
  print(`                      asked again by the same process (warm): p50 ${search.warm.p50Ms.toFixed(1)} ms, p95 ${search.warm.p95Ms.toFixed(1)} ms (${(search.warm.p95Ms / TARGET_SEARCH_P95_MS).toFixed(2)}×)`);
  print(`                      CPU per search (all threads) p50 ${search.cpuP50Ms.toFixed(1)} ms, p95 ${search.cpuP95Ms.toFixed(1)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  const leg = (t: LegTiming) => `p50 ${t.p50Ms.toFixed(1)} / p95 ${t.p95Ms.toFixed(1)} ms (CPU ${t.cpuP50Ms.toFixed(1)} / ${t.cpuP95Ms.toFixed(1)} ms)`;
  print(`                      alone: vector list ${leg(search.legs.vector)}; full-text list ${leg(search.legs.keyword)}`);
  const backlog = Math.max(0, ...Object.values(search.unindexedRows));
  print(`                      rows not yet indexed ${backlog}${search.recallAt10 === null ? '' : `; vector recall@10 vs exact ${search.recallAt10.toFixed(3)} over ${search.recallQueries} questions`}`);
  print(`                      RSS ${search.rssMb.toFixed(0)} MB after the queries, peak ${search.peakRssMb.toFixed(0)} MB`);
}

if (values['ask-only'] === true) {
  try {
    await printAskBench(corpus, meetingIdsIn(corpus), dataDir, values['ask-meetings'], print);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  await writeDocs();
  process.exit(0);
}

if (values['search-only'] === true) {
  try {
    print(`aftercall bench — archive search only, ${searchMeetings} meetings copied from ${corpus}`);
    const indexDir = values['search-index-dir'];
    const search = await benchSearch(corpus, meetingIdsIn(corpus), dataDir, searchMeetings, {
      ...(indexDir === undefined ? { checkpoints: [1_000, 2_500, 5_000] } : { indexDir }),
      recallSample: Number(values['search-recall']),
      onProgress: (meetings, seconds) => print(`  indexed ${meetings} meetings in ${seconds.toFixed(0)} s`),
      onCheckpoint: printSearch,
    });
    printSearch(search);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  await writeDocs();
  process.exit(0);
}

try {
  print(`aftercall bench — offline workflow (S3 on loopback, local Step Functions runner, LanceDB), corpus ${corpus}`);
  print('Each meeting: its .vtt beside a 1 s silent WAV, through every step to manifest.json.\n');
  const runs = await benchMeetings(corpus, meetingIdsIn(corpus), dataDir);
  print(`${'meeting'.padEnd(14)}${'minutes'.padStart(8)}${'utts'.padStart(6)}${'wall s'.padStart(8)}${'s/meeting-h'.padStart(13)}${'states'.padStart(8)}  state`);
  for (const r of runs) {
    const perHour = r.wallMs / 1000 / (r.meetingMinutes / 60);
    print(`${r.meeting.padEnd(14)}${r.meetingMinutes.toFixed(1).padStart(8)}${String(r.utterances).padStart(6)}${(r.wallMs / 1000).toFixed(2).padStart(8)}${perHour.toFixed(2).padStart(13)}${String(r.stateTransitions).padStart(8)}  ${r.state}`);
  }
  const totalHours = runs.reduce((sum, r) => sum + r.meetingMinutes / 60, 0);
  const totalSeconds = runs.reduce((sum, r) => sum + r.wallMs / 1000, 0);
  const perHour = totalSeconds / totalHours;
  const long = runs.filter((r) => r.meetingMinutes >= 60);
  const worstLong = Math.max(...long.map((r) => r.wallMs / 1000));

  const overhead = await benchStateMachineOverhead(dataDir, Number(values.overhead));
  const meanTransitions = runs.reduce((sum, r) => sum + r.stateTransitions, 0) / runs.length;
  const overheadShare = overhead.msPerExecution / ((totalSeconds * 1000) / runs.length);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  print('');
  print(`throughput            ${perHour.toFixed(2)} s per meeting-hour over ${totalHours.toFixed(2)} h of meetings`);
  if (long.length > 0) {
    print(`meetings over 1 hour  worst ${worstLong.toFixed(2)} s  (target < ${TARGET_SECONDS_PER_MEETING_HOUR} s: ${(worstLong / TARGET_SECONDS_PER_MEETING_HOUR).toFixed(2)}× of budget)`);
  }
  print(`state machine         ${overhead.msPerTransition.toFixed(2)} ms per state transition, ${overhead.msPerExecution.toFixed(1)} ms per execution of ${overhead.transitionsPerExecution.toFixed(0)} states (no-op tasks, ${overhead.executions} runs)`);
  print(`                      ${(overheadShare * 100).toFixed(1)} % of a mean meeting's wall time (${meanTransitions.toFixed(0)} states per real run)`);
  print(`peak RSS              ${peakRssMb.toFixed(0)} MB  (target < ${TARGET_PEAK_RSS_MB} MB: ${(peakRssMb / TARGET_PEAK_RSS_MB).toFixed(2)}× of budget)`);

  const search = await benchSearch(corpus, meetingIdsIn(corpus), dataDir, searchMeetings);
  print('');
  printSearch(search);

  const list = await benchMeetingList(dataDir, searchMeetings);
  print(`meeting list          ${list.meetings} meetings in the embedded S3 store, 20 a page, ${list.requests} requests each:`);
  print(`                      p50 ${list.p50Ms.toFixed(1)} ms, p95 ${list.p95Ms.toFixed(1)} ms (catalog re-listed in the background every 2 s)`);
  print(`                      target p95 < ${TARGET_LIST_P95_MS} ms: ${(list.p95Ms / TARGET_LIST_P95_MS).toFixed(2)}×; a page that waits for a LIST (listing over 30 s old) p50 ${list.relistP50Ms.toFixed(0)} ms, p95 ${list.relistP95Ms.toFixed(0)} ms;`);
  print(`                      first page in a fresh process (a GET per meeting) ${list.coldMs.toFixed(0)} ms`);

  print('');
  await printAskBench(corpus, meetingIdsIn(corpus), dataDir, values['ask-meetings'], print);
  print('');

  const delivery = await benchDeliveries(dataDir, 500);
  print(`CRM webhook delivery  ${delivery.perSecond.toFixed(0)} signed deliveries/s from the durable queue to a receiver on loopback (${delivery.events} in ${delivery.seconds.toFixed(2)} s)`);

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  for (const size of benchCallbackSizes()) {
    print(`${size.hours === 1 ? 'Deepgram callback body' : ''.padEnd(22)}${`${size.hours} h`.padStart(4)} of speech: ${mb(size.previousBytes)} MB (${mb(size.previousBytes / size.hours)} MB per audio hour) with utterances+paragraphs, ${mb(size.currentBytes)} MB (${mb(size.currentBytes / size.hours)} MB/h) words only`);
  }
  print(`                      Deepgram PUTs the body to a presigned S3 URL: no body limit on that path (an S3 object takes up to 5 GB in one PUT);`);
  print(`                      only the old POST route (requests in flight) is bound by a synchronous Lambda event's ${mb(LAMBDA_PAYLOAD_LIMIT_BYTES)} MB: see docs/operations.md, "Long recordings on AWS"`);
  const keys = await benchApiKeyCheck(dataDir);
  const ms = (t: { p50Ms: number; p95Ms: number }) => `p50 ${t.p50Ms.toFixed(2)} ms, p95 ${t.p95Ms.toFixed(2)} ms`;
  print(`API key check         ${keys.requests} requests each over HTTP, keys in the embedded S3 store; a guess must not tell whether its key id exists:`);
  print(`                      unknown key id ${ms(keys.unknownId)}; known key id, wrong secret ${ms(keys.knownIdWrongSecret)}`);
  print(`                      (ratio of p50s ${(keys.knownIdWrongSecret.p50Ms / keys.unknownId.p50Ms).toFixed(2)}, target ≈ 1); valid key, cached ${ms(keys.validKey)}`);

  if (values.live !== false) {
    print('');
    await runInFreshProcess(fileURLToPath(new URL('./benchLive.ts', import.meta.url)));
  }

  if (values.providers !== false) await benchWithProviders(corpus, runs.filter((r) => r.meetingMinutes >= 60).sort((a, b) => a.meetingMinutes - b.meetingMinutes)[0]?.meeting ?? 'Bro014');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
await writeDocs();

/** Webhook to manifest for a one-hour meeting with every provider played by a wire-format server at realistic speeds. */
async function benchWithProviders(corpusDir: string, meeting: string): Promise<void> {
  print('');
  print(`With providers — ${meeting}: signed LiveKit webhook → manifest; Deepgram, OpenAI (chat, embeddings) and Pinecone played by`);
  print(`wire-format servers on loopback: Deepgram ${REALISTIC.deepgramMsPerAudioHour / 1000} s per audio hour, model ${REALISTIC.firstTokenMs} ms to first token + ${REALISTIC.tokensPerSecond} tokens/s,`);
  print(`embeddings ${REALISTIC.embeddingBatchMs} ms a batch, Pinecone ${REALISTIC.pineconeMs} ms a call; translation into French included.`);
  const path = benchMeetingPath(corpusDir, meeting);
  const instantDir = await mkdtemp(join(tmpdir(), 'aftercall-bench-instant-'));
  const realisticDir = await mkdtemp(join(tmpdir(), 'aftercall-bench-real-'));
  try {
    const instant = await benchProviders(path, instantDir, INSTANT);
    const real = await benchProviders(path, realisticDir, REALISTIC);
    const hours = real.meetingMinutes / 60;
    const share = instant.wallMs / real.wallMs;
    const understandRatio = real.understandInputTokens / real.transcriptTokens;
    print(`webhook → manifest    ${(real.wallMs / 1000).toFixed(1)} s for ${real.meetingMinutes.toFixed(1)} min (${real.state}); target < ${TARGET_WEBHOOK_TO_MANIFEST_S} s: ${(real.wallMs / 1000 / TARGET_WEBHOOK_TO_MANIFEST_S).toFixed(2)}× of budget`);
    print(`  steps               ${real.steps.map((s) => `${s.name} ${((s.durationMs ?? 0) / 1000).toFixed(1)} s`).join(', ')}`);
    print(`workflow's own share  ${(share * 100).toFixed(1)} % (${(instant.wallMs / 1000).toFixed(2)} s with providers answering at once; target < ${TARGET_OWN_SHARE * 100} %: ${(share / TARGET_OWN_SHARE).toFixed(2)}×)`);
    print(`model input tokens    understanding ${understandRatio.toFixed(2)}× the transcript's own tokens (${Math.round(real.understandInputTokens)} vs ${Math.round(real.transcriptTokens)}; target ≤ ${TARGET_INPUT_TOKEN_RATIO}×); translation ${(real.translateInputTokens / real.transcriptTokens).toFixed(2)}× per language`);
    print(`estimated cost        $${(real.costUsd / hours).toFixed(3)} per meeting-hour at list prices${real.unpriced.length > 0 ? ` (not priced: ${real.unpriced.join(', ')})` : ''}`);
  } finally {
    await rm(instantDir, { recursive: true, force: true });
    await rm(realisticDir, { recursive: true, force: true });
  }
}

/** Runs a bench script in its own Node process, its output inline with ours (and in the figures --write-docs keeps). */
function runInFreshProcess(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['inherit', 'pipe', 'inherit', 'ipc'] });
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) print(line);
    });
    child.stdout?.on('end', () => {
      if (partial.length > 0) print(partial);
    });
    child.once('error', reject);
    // 'close', not 'exit': the child's last lines are read by then.
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code ?? 'a signal'}`))));
  });
}
