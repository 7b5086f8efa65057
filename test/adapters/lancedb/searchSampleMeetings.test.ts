import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanceVectorIndex } from '../../../lib/adapters/lancedb/LanceVectorIndex.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { searchArchive } from '../../../lib/domain/search/searchArchive.js';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';

const MEETINGS_DIR = '/work/shared/data/meetings';

/** Two meetings on the same topic (remote control design) and one on another, with some of their reference questions. */
const QUESTIONS: Record<string, string[]> = {
  ES2002a: [
    'What did the group discuss about the email they received on the project announcement?',
    'Summarize the discussion about the favourite animal characteristics and the workflow.',
  ],
  IS1008b: ['What did the group discuss about speech recognition command?', 'Why did Marketing think highly of speech recognition command?'],
  covid_7: [
    "Would the Prime Minister condemn this law concerning the national security bill undermining Hong Kong's autonomy?",
    'Where was the $75 million towards sexual exploitation and human trafficking had gone?',
  ],
};

interface Truth {
  utterances: { startMs: number; endMs: number }[];
  queries: { query: string; relevant_text_span?: [string, string][] }[];
}

describe.skipIf(!existsSync(MEETINGS_DIR))('searching indexed sample meetings', () => {
  const embedder = new HashedTermEmbedder();
  const truths = new Map<string, Truth>();
  let directory: string;
  let index: LanceVectorIndex;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'aftercall-lance-samples-'));
    index = await LanceVectorIndex.open(directory, embedder.dimensions);
    for (const meetingId of Object.keys(QUESTIONS)) {
      const vtt = await readFile(join(MEETINGS_DIR, `${meetingId}.vtt`), 'utf8');
      truths.set(meetingId, JSON.parse(await readFile(join(MEETINGS_DIR, `${meetingId}.truth.json`), 'utf8')) as Truth);
      const transcript = await importTranscript(vtt, 'vtt', { meetingId, key: `${meetingId}.vtt` });
      await indexMeeting({ embedder, index }, { tenantId: 'samples', transcript });
    }
  });

  afterAll(async () => {
    await index?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const cases = Object.entries(QUESTIONS).flatMap(([meetingId, questions]) => questions.map((question) => [meetingId, question] as const));

  it.each(cases)('finds %s among the top 5 for "%s", at the passage that answers it', async (meetingId, question) => {
    const truth = truths.get(meetingId)!;
    const reference = truth.queries.find((query) => query.query === question);
    expect(reference, 'the question is in the truth file').toBeDefined();

    const hits = await searchArchive({ embedder, index }, { tenantId: 'samples', query: question, limit: 5 });
    expect(hits.map((hit) => hit.meetingId)).toContain(meetingId);

    // Truth spans are utterance indexes of the truth file; compare by time, which both share.
    const answers = (reference!.relevant_text_span ?? []).map(([first, last]) => ({
      startMs: truth.utterances[Number(first)]!.startMs,
      endMs: truth.utterances[Number(last)]!.endMs,
    }));
    const answering = hits.filter((hit) => hit.meetingId === meetingId && answers.some((answer) => hit.startMs < answer.endMs && hit.endMs > answer.startMs));
    expect(answering.length).toBeGreaterThan(0);
    expect(answering[0]!.snippet).toMatch(/«[^»]+»/);
  });

  it('finds nothing for another tenant', async () => {
    expect(await searchArchive({ embedder, index }, { tenantId: 'someone-else', query: 'speech recognition', limit: 5 })).toEqual([]);
  });

  it('narrows to one meeting when asked', async () => {
    const hits = await searchArchive({ embedder, index }, { tenantId: 'samples', query: 'speech recognition', limit: 5, meetingId: 'covid_7' });
    expect(hits.every((hit) => hit.meetingId === 'covid_7')).toBe(true);
  });
});
