import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeOpenAiServer } from '../../test/support/fakes/fakeOpenAiServer.js';
import { groundedAnswer } from '../../test/support/fakes/fakeAskBrain.js';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { createOpenAiClient } from '../adapters/openai/createOpenAiClient.js';
import { OpenAiAnswerer } from '../adapters/openai/OpenAiAnswerer.js';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { startEmbeddedS3Server } from '../adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { askArchive, DEFAULT_ASK_PASSAGES, type AskDeps } from '../domain/ask/askArchive.js';
import { ExtractiveAnswerer } from '../domain/ask/ExtractiveAnswerer.js';
import { storedTranscripts } from '../domain/ask/storedTranscripts.js';
import { deriveMeetingId } from '../domain/meetings/meetingId.js';
import { catalogKey, resultFiles, resultKey, resultPrefixFor } from '../domain/meetings/resultKeys.js';
import { STATUS_SCHEMA_VERSION, type CatalogEntry } from '../domain/meetings/schema.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { embedMeeting } from '../domain/search/indexMeeting.js';
import { REBUILD_BATCH_MEETINGS } from '../domain/meetings/rebuildIndex.js';
import type { IndexedDocument } from '../domain/ports/VectorIndex.js';
import { searchArchive } from '../domain/search/searchArchive.js';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import { putJson } from '../domain/jsonBlobs.js';
import { percentile } from './percentile.js';

/** How the model is played: the wait before its first token, then its output rate. */
export interface ModelSpeed {
  model: string;
  firstTokenMs: number;
  tokensPerSecond: number;
}

/**
 * gpt-4o-mini, the default OPENAI_MODEL, at published speeds (sources in docs/benchmarks.md, "Ask"):
 * 0.93 s to the first token (Artificial Analysis, OpenAI's endpoint, 10k input tokens; the figure
 * published for GPT-4.1 mini, the nearest it lists) and 59 output tokens/s (measured on OpenAI's API).
 */
export const PUBLISHED_GPT_4O_MINI: ModelSpeed = { model: 'gpt-4o-mini', firstTokenMs: 930, tokensPerSecond: 59 };

export interface Spread {
  p50Ms: number;
  p95Ms: number;
}

/** One answerer's times over the questions, each from the moment the question is asked. */
export interface AskTimes {
  /** Until the passages are retrieved (search plus reading their transcripts). */
  retrieval: Spread;
  /** Until the first word of the answer reaches the caller (a `delta` event). */
  firstToken: Spread;
  /** Until the whole answer (the `done` event). */
  whole: Spread;
  /** Questions answered (not "No passage in the archive answers this"), and by whom. */
  answered: number;
  answeredBy: string[];
}

export interface AskBench {
  meetings: number;
  indexSeconds: number;
  questions: number;
  /** Archive search alone, as retrieval calls it: what of retrieval is not reading transcripts. */
  search: Spread;
  speed: ModelSpeed;
  model: AskTimes;
  extractive: AskTimes;
}

export interface AskBenchOptions {
  meetings: number;
  /** At most this many of the corpus questions (spread evenly), for a short CI run; all by default. */
  maxQuestions?: number;
  speed?: ModelSpeed;
  onProgress?: (meetings: number, seconds: number) => void;
}

const TENANT = 'bench';
const BUCKET = 'ask-bench';
const PROGRESS_EVERY = 200;

/**
 * "Ask the archive" timed end to end: an archive of `meetings` meetings (the corpus copied under
 * new ids, 1 in 10 of another tenant, as the search bench builds it) indexed in LanceDB with the
 * offline embedder, transcripts and catalog entries in the embedded S3 store; the corpus's
 * questions asked through `askArchive` with the OpenAI answerer (the real SDK) against the fake
 * OpenAI server streaming at the model's published speed, then with the extractive answerer.
 */
export async function benchAsk(corpusDir: string, corpusMeetings: readonly string[], dataDir: string, options: AskBenchOptions): Promise<AskBench> {
  const speed = options.speed ?? PUBLISHED_GPT_4O_MINI;
  const embedder = new HashedTermEmbedder();
  const s3 = await startEmbeddedS3Server({ directory: join(dataDir, 'ask-bench-s3'), buckets: [BUCKET] });
  const blobs = new S3BlobStore(createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, credentials: s3.credentials }), BUCKET);
  const index = await LanceVectorIndex.open(join(dataDir, 'ask-bench-index'), embedder.dimensions);
  const openai = await startFakeOpenAiServer({ apiKey: 'sk-bench', text: groundedAnswer, latency: { firstTokenMs: speed.firstTokenMs, tokensPerSecond: speed.tokensPerSecond } });
  try {
    const sources = await Promise.all(
      corpusMeetings.map(async (id) => importTranscript(await readFile(join(corpusDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: id })),
    );
    const archive = Array.from({ length: options.meetings }, (_, i) => {
      const source = sources[i % sources.length]!;
      const tenantId = i % 10 === 9 ? 'other-tenant' : TENANT;
      const recordingKey = `recordings/ask-bench-${i}.wav`;
      return { tenantId, recordingKey, transcript: { ...source, meetingId: deriveMeetingId(tenantId, recordingKey) } };
    });
    const started = performance.now();
    // The files first, in one go: the embedded server closes a connection idle for 5 s, and a put
    // racing that close fails (the S3 client makes one attempt), which indexing gaps provoked.
    for (const [i, { tenantId, recordingKey, transcript }] of archive.entries()) {
      const resultPrefix = resultPrefixFor(recordingKey);
      const recordedAt = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      const entry: CatalogEntry = { schemaVersion: STATUS_SCHEMA_VERSION, tenantId, meetingId: transcript.meetingId, recordingKey, resultPrefix, title: `meeting ${i}`, recordedAt, createdAt: recordedAt };
      await putJson(blobs, catalogKey(tenantId, transcript.meetingId), entry);
      await putJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), transcript);
    }
    // As the search bench does: each corpus meeting embedded once, its copies written in batches.
    const embedded = new Map<string, IndexedDocument[]>();
    for (const source of sources) embedded.set(source.meetingId, await embedMeeting(embedder, { tenantId: TENANT, transcript: source }));
    for (let from = 0; from < archive.length; from += REBUILD_BATCH_MEETINGS) {
      const batch = archive.slice(from, from + REBUILD_BATCH_MEETINGS).map(({ tenantId, transcript }, k) => {
        const source = sources[(from + k) % sources.length]!;
        const documents = embedded.get(source.meetingId)!.map((document): IndexedDocument => ({ ...document, id: `${transcript.meetingId}${document.id.slice(source.meetingId.length)}`, tenantId, meetingId: transcript.meetingId }));
        return { tenantId, meeting: { meetingId: transcript.meetingId, documents } };
      });
      for (const tenantId of [TENANT, 'other-tenant']) await index.replaceMeetings(tenantId, batch.filter((copy) => copy.tenantId === tenantId).map((copy) => copy.meeting));
      const indexed = Math.min(archive.length, from + REBUILD_BATCH_MEETINGS);
      if (indexed % PROGRESS_EVERY === 0) options.onProgress?.(indexed, (performance.now() - started) / 1000);
    }
    await index.optimize();
    const indexSeconds = (performance.now() - started) / 1000;

    const questions = spreadEvenly(await corpusQuestions(corpusDir, corpusMeetings), options.maxQuestions);
    const retrieval = { embedder, index, transcripts: storedTranscripts(blobs) };
    const model = new OpenAiAnswerer({ client: createOpenAiClient({ apiKey: openai.apiKey, baseURL: openai.url }), model: speed.model });
    const extractive = new ExtractiveAnswerer();
    const search: number[] = [];
    for (const question of questions) {
      const t0 = performance.now();
      await searchArchive({ embedder, index }, { tenantId: TENANT, query: question, limit: DEFAULT_ASK_PASSAGES, kinds: ['transcript'] });
      search.push(performance.now() - t0);
    }
    return {
      meetings: options.meetings,
      indexSeconds,
      questions: questions.length,
      search: spread(search),
      speed,
      // As the API and CLI wire it: the extractive answer stands in when the model fails.
      model: await timeAsks({ ...retrieval, answerer: model, fallback: extractive }, questions),
      extractive: await timeAsks({ ...retrieval, answerer: extractive, fallback: null }, questions),
    };
  } finally {
    await Promise.allSettled([index.close(), openai.close(), s3.close()]);
  }
}

/** Asks each question in turn (one person waiting at a time) and times the events that reach the caller. */
async function timeAsks(deps: AskDeps, questions: readonly string[]): Promise<AskTimes> {
  const retrieval: number[] = [];
  const firstToken: number[] = [];
  const whole: number[] = [];
  let answered = 0;
  const answeredBy = new Set<string>();
  for (const question of questions) {
    const t0 = performance.now();
    let first: number | null = null;
    for await (const event of askArchive(deps, { tenantId: TENANT, question })) {
      const now = performance.now() - t0;
      if (event.type === 'passages') retrieval.push(now);
      if (event.type === 'delta' && first === null) first = now;
      if (event.type === 'done') {
        whole.push(now);
        // A question nothing answers has no first token: its "No passage…" arrives whole.
        firstToken.push(first ?? now);
        if (event.answer.answered) answered += 1;
        answeredBy.add(event.answer.answeredBy);
      }
    }
  }
  return { retrieval: spread(retrieval), firstToken: spread(firstToken), whole: spread(whole), answered, answeredBy: [...answeredBy] };
}

function spread(timings: number[]): Spread {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

async function corpusQuestions(corpusDir: string, meetings: readonly string[]): Promise<string[]> {
  const perMeeting = await Promise.all(
    meetings.map(async (id) => {
      const truth = JSON.parse(await readFile(join(corpusDir, `${id}.truth.json`), 'utf8')) as { queries?: { query: string }[] };
      return (truth.queries ?? []).map((q) => q.query);
    }),
  );
  return perMeeting.flat();
}

/** At most `max` items, taken at even steps so every meeting's questions are represented. */
function spreadEvenly<T>(items: readonly T[], max: number | undefined): T[] {
  if (max === undefined || items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

