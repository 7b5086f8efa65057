import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { REBUILD_BATCH_MEETINGS } from '../domain/meetings/rebuildIndex.js';
import type { IndexedDocument, MeetingDocuments } from '../domain/ports/VectorIndex.js';
import { embedMeeting } from '../domain/search/indexMeeting.js';
import { searchArchive } from '../domain/search/searchArchive.js';
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
  /** Resident memory after the queries, and the process's peak so far. */
  rssMb: number;
  peakRssMb: number;
}

export interface SearchBenchOptions {
  /** Measure the searches also after this many meetings (ascending), for figures before a long run ends. */
  checkpoints?: readonly number[];
  onCheckpoint?: (result: SearchBench) => void;
  /** Called every so many meetings while indexing, with how many are indexed. */
  onProgress?: (meetings: number, seconds: number) => void;
}

const PROGRESS_EVERY = 500;

/**
 * Archive search at scale: the corpus meetings copied under new ids until the archive holds
 * `meetings` meetings (of one tenant, beside another tenant's), then the corpus's own questions.
 */
export async function benchSearch(corpusDir: string, corpusMeetings: string[], dataDir: string, meetings: number, options: SearchBenchOptions = {}): Promise<SearchBench> {
  const embedder = new HashedTermEmbedder();
  const directory = join(dataDir, 'search-bench');
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
      const timings: number[] = [];
      let answered = 0;
      for (const query of questions) {
        const t0 = performance.now();
        const hits = await searchArchive({ embedder, index }, { tenantId: 'bench', query, limit: 10 });
        timings.push(performance.now() - t0);
        if (hits.length > 0) answered += 1;
      }
      timings.sort((a, b) => a - b);
      return {
        meetings: indexed,
        documents,
        indexSeconds,
        embedSeconds,
        indexBytes: await folderBytes(directory),
        queries: timings.length,
        p50Ms: percentile(timings, 0.5),
        p95Ms: percentile(timings, 0.95),
        answeredShare: timings.length === 0 ? 0 : answered / timings.length,
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

async function folderBytes(directory: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
