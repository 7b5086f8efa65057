import type { Embedder } from '../domain/ports/Embedder.js';
import type { VectorIndex } from '../domain/ports/VectorIndex.js';
import { buildSearchDocuments, type SearchDocumentsInput } from '../domain/search/buildSearchDocuments.js';
import { indexMeeting } from '../domain/search/indexMeeting.js';
import { searchArchive } from '../domain/search/searchArchive.js';
import { firstRelevantRank, isRelevant, randomScores, scoreRanks, type SearchQuestion, type SearchScores } from './searchQuality.js';

export interface EvaluatedMeeting {
  input: SearchDocumentsInput;
  /** Reference utterance index of each transcript utterance id. */
  referenceIndex: ReadonlyMap<string, number>;
  questions: SearchQuestion[];
}

export interface SearchEvaluation {
  passages: number;
  /** Vector and full-text candidates fused by reciprocal rank: what the product runs. */
  hybrid: SearchScores;
  /** Vector candidates re-ranked by keywords, no full-text retrieval (Pinecone's path). */
  vectorReranked: SearchScores;
  /** Full-text candidates alone. */
  fullText: SearchScores;
  /** k passages of the archive drawn at random (exact expectation). */
  random: SearchScores;
}

const TENANT = 'eval';

/** Indexes every meeting into one archive and asks each reference question of it, three ways. */
export async function evaluateSearch(deps: { embedder: Embedder; index: VectorIndex }, meetings: readonly EvaluatedMeeting[]): Promise<SearchEvaluation> {
  let passages = 0;
  const relevantCounts: number[] = [];
  const referenceIndexOf = indexOf(meetings);
  for (const meeting of meetings) {
    const input = { ...meeting.input, tenantId: TENANT };
    passages += (await indexMeeting(deps, input)).documents;
    const documents = buildSearchDocuments(input);
    for (const question of meeting.questions) relevantCounts.push(documents.filter((document) => isRelevant(document, question, referenceIndexOf)).length);
  }
  const index = deps.index;
  const reranked: VectorIndex = {
    replaceMeeting: (tenantId, meetingId, documents) => index.replaceMeeting(tenantId, meetingId, documents),
    deleteMeeting: (tenantId, meetingId) => index.deleteMeeting(tenantId, meetingId),
    query: (query) => index.query(query),
  };
  const fullTextOnly: VectorIndex = { ...reranked, query: async () => [], keywordQuery: async (query) => (await index.keywordQuery?.(query)) ?? [] };

  const questions = meetings.flatMap((meeting) => meeting.questions);
  const rank = async (index: VectorIndex) => {
    const ranks: (number | null)[] = [];
    for (const question of questions) {
      const hits = await searchArchive({ embedder: deps.embedder, index }, { tenantId: TENANT, query: question.query, limit: 10 });
      ranks.push(firstRelevantRank(hits.map((hit) => isRelevant(hit, question, referenceIndexOf))));
    }
    return scoreRanks(ranks);
  };
  return {
    passages,
    hybrid: await rank(deps.index),
    vectorReranked: await rank(reranked),
    fullText: await rank(fullTextOnly),
    random: randomScores(passages, relevantCounts),
  };
}

function indexOf(meetings: readonly EvaluatedMeeting[]) {
  const byMeeting = new Map(meetings.map((meeting) => [meeting.input.transcript.meetingId, meeting.referenceIndex]));
  return (meetingId: string, utteranceId: string) => byMeeting.get(meetingId)?.get(utteranceId);
}
