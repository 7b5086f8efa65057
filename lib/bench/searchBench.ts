import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../domain/search/indexMeeting.js';
import { searchArchive } from '../domain/search/searchArchive.js';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import { percentile } from './percentile.js';

export interface SearchBench {
  meetings: number;
  documents: number;
  indexSeconds: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * Archive search at scale: the corpus meetings copied under new ids until the archive holds
 * `meetings` meetings (of one tenant, beside another tenant's), then the corpus's own questions.
 */
export async function benchSearch(corpusDir: string, corpusMeetings: string[], dataDir: string, meetings: number): Promise<SearchBench> {
  const embedder = new HashedTermEmbedder();
  const index = await LanceVectorIndex.open(join(dataDir, 'search-bench'), embedder.dimensions);
  try {
    const transcripts = await Promise.all(
      corpusMeetings.map(async (id) => importTranscript(await readFile(join(corpusDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: id })),
    );
    let documents = 0;
    const started = performance.now();
    for (let i = 0; i < meetings; i += 1) {
      const source = transcripts[i % transcripts.length];
      if (source === undefined) break;
      const meetingId = `mtg_${i.toString(16).padStart(24, '0')}`;
      const tenantId = i % 10 === 9 ? 'other-tenant' : 'bench';
      documents += (await indexMeeting({ embedder, index }, { tenantId, transcript: { ...source, meetingId } })).documents;
    }
    await index.optimize();
    const indexSeconds = (performance.now() - started) / 1000;

    const questions = (
      await Promise.all(
        corpusMeetings.map(async (id) => {
          const truth = JSON.parse(await readFile(join(corpusDir, `${id}.truth.json`), 'utf8')) as { queries?: { query: string }[] };
          return (truth.queries ?? []).map((q) => q.query);
        }),
      )
    ).flat();
    const timings: number[] = [];
    for (const query of questions) {
      const t0 = performance.now();
      await searchArchive({ embedder, index }, { tenantId: 'bench', query, limit: 10 });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    return { meetings, documents, indexSeconds, queries: timings.length, p50Ms: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95) };
  } finally {
    await index.close();
  }
}
