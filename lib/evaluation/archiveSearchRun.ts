import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import { alignUtterances } from './alignUtterances.js';
import { evaluateArchiveSearch, type ArchiveSearchReport, type SearchEvalMeeting } from './archiveSearch.js';
import { formatArchiveSearch } from './formatArchiveSearch.js';
import { MeetingTruthSchema } from './meetingTruth.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Answerable questions asked by default: about 3 minutes on a busy 2-core machine with the indexing. */
export const DEFAULT_SEARCH_QUESTIONS = 300;

export interface ArchiveSearchRunOptions {
  /** Meetings folder; default ../shared/data/qmsum-train beside the repository, else `fallbackDir`. */
  dataDir?: string | undefined;
  fallbackDir: string;
  maxQuestions?: number | undefined;
  calibrate?: boolean | undefined;
}

/** The archive search evaluation end to end: load the meetings, index them in a temporary LanceDB folder, ask, score, format. */
export async function runArchiveSearchEvaluation(options: ArchiveSearchRunOptions): Promise<{ text: string; report: ArchiveSearchReport }> {
  const shared = join(REPO_ROOT, '../shared/data/qmsum-train');
  const dir = options.dataDir ?? (existsSync(shared) ? shared : options.fallbackDir);
  const meetings = await loadSearchMeetings(dir);
  const indexDir = mkdtempSync(join(tmpdir(), 'aftercall-eval-search-'));
  const embedder = new HashedTermEmbedder();
  const index = await LanceVectorIndex.open(indexDir, embedder.dimensions);
  try {
    const report = await evaluateArchiveSearch({ embedder, index }, meetings, {
      maxQuestions: options.maxQuestions ?? DEFAULT_SEARCH_QUESTIONS,
      calibrate: options.calibrate ?? false,
      afterIndexing: () => index.optimize(),
    });
    return { text: formatArchiveSearch(report, dir), report };
  } finally {
    await index.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}

/** Every `<id>.vtt` with its `<id>.truth.json`: the transcript, where its utterances fall in the reference, and the questions. */
export async function loadSearchMeetings(dir: string): Promise<SearchEvalMeeting[]> {
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith('.vtt') && existsSync(join(dir, name.replace(/\.vtt$/, '.truth.json'))))
    .map((name) => name.replace(/\.vtt$/, ''))
    .sort();
  const meetings: SearchEvalMeeting[] = [];
  for (const id of ids) {
    const transcript = await importTranscript(readFileSync(join(dir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
    const truth = MeetingTruthSchema.parse(JSON.parse(readFileSync(join(dir, `${id}.truth.json`), 'utf8')));
    const alignment = alignUtterances(transcript, truth);
    const queries = truth.queries ?? [];
    meetings.push({
      transcript,
      referenceIndex: new Map(transcript.utterances.map((utterance, i) => [utterance.id, alignment[i] ?? -1])),
      questions: queries.flatMap((q) => (q.relevant_text_span === undefined ? [] : [{ meetingId: id, query: q.query, spans: q.relevant_text_span, answer: q.answer }])),
      allQueries: queries.map((q) => ({ query: q.query, answer: q.answer ?? null })),
    });
  }
  return meetings;
}
