import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { REBUILD_BATCH_MEETINGS } from '../domain/meetings/rebuildIndex.js';
import type { IndexedDocument, MeetingDocuments } from '../domain/ports/VectorIndex.js';
import { embedMeeting } from '../domain/search/indexMeeting.js';
import { keywordsOf, OVERFETCH, searchArchive } from '../domain/search/searchArchive.js';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import { percentile } from './percentile.js';

export interface SearchBench {
  meetings: number;
  documents: number;
  /** Writing every meeting so far to the index, REBUILD_BATCH_MEETINGS a write as a rebuild does, then optimising (embedding excluded: see embedSeconds). */
  indexSeconds: number;
  /** Embedding the corpus meetings once; their copies reuse the vectors. */
  embedSeconds: number;
  /** The index folder on disk. */
  indexBytes: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  /** Share of the queries that returned at least one hit. */
  answeredShare: number;
  /** The same questions asked again by the same process: its data pages are read and decoded by now. */
  warm: { p50Ms: number; p95Ms: number };
  /** Process CPU time per search (all threads), p50/p95: what the search costs whatever else the machine runs. */
  cpuP50Ms: number;
  cpuP95Ms: number;
  /** The two candidate lists of each question timed apart, one after the other (wall ms, and CPU ms per query). */
  legs: { vector: LegTiming; keyword: LegTiming };
  /** Rows not yet covered by each index when the questions ran. */
  unindexedRows: Record<string, number>;
  /** Vector recall@10 of the index against an exact (flat) search, over `recallQueries` questions (ties count as found). */
  recallAt10: number | null;
  recallQueries: number;
  /** Resident memory after the queries, and the process's peak so far. */
  rssMb: number;
  peakRssMb: number;
}

export interface LegTiming {
  p50Ms: number;
  p95Ms: number;
  cpuP50Ms: number;
  cpuP95Ms: number;
}

export interface SearchBenchOptions {
  /** Compare the vector list's top 10 with an exact search for this many questions (0: skip; an exact search reads every row). */
  recallSample?: number;
  /** Measure the searches also after this many meetings (ascending), for figures before a long run ends. */
  checkpoints?: readonly number[];
  onCheckpoint?: (result: SearchBench) => void;
  /** Called every so many meetings while indexing, with how many are indexed. */
  onProgress?: (meetings: number, seconds: number) => void;
  /**
   * Build the index in this folder and keep it; when it already holds an index (built by an earlier
   * run with the same corpus and meeting count), skip the build and only measure the queries. For
   * iterating on the query side at 10,000 meetings without rebuilding for a quarter of an hour.
   */
  indexDir?: string;
}

const PROGRESS_EVERY = 500;

/**
 * Archive search at scale: the corpus meetings copied under new ids until the archive holds
 * `meetings` meetings (of one tenant, beside another tenant's), then the corpus's own questions.
 */
export async function benchSearch(corpusDir: string, corpusMeetings: string[], dataDir: string, meetings: number, options: SearchBenchOptions = {}): Promise<SearchBench> {
  const embedder = new HashedTermEmbedder();
  const directory = options.indexDir ?? join(dataDir, 'search-bench');
  const reused = options.indexDir !== undefined && existsSync(join(directory, 'documents.lance'));
  const index = await LanceVectorIndex.open(directory, embedder.dimensions);
  try {
    const transcripts = await Promise.all(
      corpusMeetings.map(async (id) => importTranscript(await readFile(join(corpusDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: id })),
    );
    const questions = (
      await Promise.all(
        corpusMeetings.map(async (id) => {
          const truth = JSON.parse(await readFile(join(corpusDir, `${id}.truth.json`), 'utf8')) as { queries?: { query: string }[] };
          return (truth.queries ?? []).map((q) => q.query);
        }),
      )
    ).flat();
    let embedSeconds = 0;
    const measure = async (indexed: number, documents: number, indexMs: number): Promise<SearchBench> => {
      const started = performance.now();
      await index.optimize();
      const indexSeconds = (indexMs + performance.now() - started) / 1000;
      const unindexedRows = await index.unindexedRows();
      const timings: number[] = [];
      const cpu: number[] = [];
      let answered = 0;
      for (const query of questions) {
        const { ms, cpuMs, result: hits } = await timed(() => searchArchive({ embedder, index }, { tenantId: 'bench', query, limit: 10 }));
        timings.push(ms);
        cpu.push(cpuMs);
        if (hits.length > 0) answered += 1;
      }
      timings.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      // A process's first searches read pages no search has decoded yet: the first pass is what a
      // just-started server answers, the second what one that has been answering does.
      const warm: number[] = [];
      for (const query of questions) warm.push((await timed(() => searchArchive({ embedder, index }, { tenantId: 'bench', query, limit: 10 }))).ms);
      warm.sort((a, b) => a - b);
      const legs = await timeLegs(embedder, index, questions);
      const recall = await vectorRecall(embedder, index, questions.slice(0, options.recallSample ?? 0), Math.ceil(indexed / corpusMeetings.length));
      return {
        meetings: indexed,
        documents,
        indexSeconds,
        embedSeconds,
        indexBytes: await folderBytes(directory),
        queries: timings.length,
        p50Ms: percentile(timings, 0.5),
        p95Ms: percentile(timings, 0.95),
        cpuP50Ms: percentile(cpu, 0.5),
        cpuP95Ms: percentile(cpu, 0.95),
        legs,
        unindexedRows,
        recallAt10: recall.queries === 0 ? null : recall.recall,
        recallQueries: recall.queries,
        answeredShare: timings.length === 0 ? 0 : answered / timings.length,
        warm: { p50Ms: percentile(warm, 0.5), p95Ms: percentile(warm, 0.95) },
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
    };

    // Each corpus meeting is embedded once: a copy has the same texts, so it gets the same vectors
    // under its own ids, and the time measured is the index's, not the offline embedder's.
    const embedStarted = performance.now();
    const embedded = await Promise.all(transcripts.map(async (transcript) => ({ meetingId: transcript.meetingId, documents: await embedMeeting(embedder, { tenantId: 'bench', transcript }) })));
    embedSeconds = (performance.now() - embedStarted) / 1000;
    const copyOf = (i: number): { tenantId: string; meeting: MeetingDocuments } => {
      const source = embedded[i % embedded.length]!;
      const meetingId = `mtg_${i.toString(16).padStart(24, '0')}`;
      const tenantId = i % 10 === 9 ? 'other-tenant' : 'bench';
      const documents = source.documents.map((document): IndexedDocument => ({ ...document, id: `${meetingId}${document.id.slice(source.meetingId.length)}`, tenantId, meetingId }));
      return { tenantId, meeting: { meetingId, documents } };
    };

    if (reused) {
      let documents = 0;
      for (let i = 0; i < meetings; i += 1) documents += embedded[i % embedded.length]!.documents.length;
      // The build is not re-timed: indexSeconds is the optimise run before the queries.
      return await measure(meetings, documents, 0);
    }
    const checkpoints = new Set((options.checkpoints ?? []).filter((n) => n < meetings));
    let documents = 0;
    let indexMs = 0;
    for (let from = 0; from < meetings; ) {
      // A batch ends at the next checkpoint, progress line or batch size, whichever comes first.
      const to = Math.min(meetings, from + REBUILD_BATCH_MEETINGS, ...[...checkpoints].filter((n) => n > from), (Math.floor(from / PROGRESS_EVERY) + 1) * PROGRESS_EVERY);
      const copies = Array.from({ length: to - from }, (_, k) => copyOf(from + k));
      const started = performance.now();
      for (const tenantId of ['bench', 'other-tenant']) {
        await index.replaceMeetings(tenantId, copies.filter((copy) => copy.tenantId === tenantId).map((copy) => copy.meeting));
      }
      indexMs += performance.now() - started;
      documents += copies.reduce((sum, copy) => sum + copy.meeting.documents.length, 0);
      from = to;
      if (from % PROGRESS_EVERY === 0) options.onProgress?.(from, indexMs / 1000);
      if (checkpoints.has(from)) {
        const result = await measure(from, documents, indexMs);
        indexMs = result.indexSeconds * 1000;
        options.onCheckpoint?.(result);
      }
    }
    return await measure(meetings, documents, indexMs);
  } finally {
    await index.close();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function legTiming(samples: { ms: number; cpuMs: number }[]): LegTiming {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  return { p50Ms: percentile(ms, 0.5), p95Ms: percentile(ms, 0.95), cpuP50Ms: percentile(cpu, 0.5), cpuP95Ms: percentile(cpu, 0.95) };
}

/** The vector list and the full-text list of each question, as searchArchive asks for them, timed one at a time. */
async function timeLegs(embedder: HashedTermEmbedder, index: LanceVectorIndex, questions: readonly string[]): Promise<{ vector: LegTiming; keyword: LegTiming }> {
  const vector: { ms: number; cpuMs: number }[] = [];
  const keyword: { ms: number; cpuMs: number }[] = [];
  const scope = { tenantId: 'bench', limit: 10 * OVERFETCH };
  for (const query of questions) {
    const [embedding] = await embedder.embed([query]);
    if (embedding?.some((value) => value !== 0)) vector.push(await timed(() => index.query({ ...scope, vector: embedding })));
    const words = keywordsOf(query);
    if (words !== '') keyword.push(await timed(() => index.keywordQuery({ ...scope, text: words })));
  }
  return { vector: legTiming(vector), keyword: legTiming(keyword) };
}

/**
 * Recall@10 of the vector list against an exact search. The bench's archive holds each corpus
 * passage many times over (copies of the corpus meetings), so ties are the rule: a hit counts as
 * found when the exact search puts it at least as near as its 10th, whichever copy it is. By id,
 * not by the index's score: a quantised index reports approximate distances.
 */
async function vectorRecall(embedder: HashedTermEmbedder, index: LanceVectorIndex, questions: readonly string[], copies: number): Promise<{ recall: number; queries: number }> {
  let sum = 0;
  let queries = 0;
  for (const query of questions) {
    const [embedding] = await embedder.embed([query]);
    if (!embedding?.some((value) => value !== 0)) continue;
    const scope = { tenantId: 'bench', limit: 10, vector: embedding };
    // Every copy of the 10th's passage can tie with it.
    const exact = await index.query({ ...scope, limit: 10 + copies }, { exact: true });
    if (exact.length === 0) continue;
    const tenth = exact[Math.min(9, exact.length - 1)]!.score;
    const asNear = new Set(exact.filter((hit, rank) => rank < 10 || hit.score >= tenth - 1e-6).map((hit) => hit.document.id));
    const approximate = await index.query(scope);
    sum += Math.min(10, exact.length, approximate.filter((hit) => asNear.has(hit.document.id)).length) / Math.min(10, exact.length);
    queries += 1;
  }
  return { recall: queries === 0 ? 0 : sum / queries, queries };
}

async function folderBytes(directory: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
