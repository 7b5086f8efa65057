import type { Transcript } from '../transcript/schema.js';
import { summaryBudget } from './summaryBudget.js';
import { cosine, norm, termCounts, type TermVector } from './text/termVector.js';
import { trimDiscourseMarkers } from './text/trimDiscourseMarkers.js';
import { transcriptSentences, type TranscriptSentence } from './transcriptSentences.js';

export interface ExtractiveSummary {
  text: string;
  sentences: { text: string; utteranceIds: string[] }[];
}

export interface SummarizeOptions {
  /** Word budget; by default it grows with the meeting's length from 80 to 150 words. */
  maxWords?: number;
}

// A sentence needs this many words and distinct content words to stand on its own in a summary.
const MIN_SENTENCE_WORDS = 6;
const MIN_SENTENCE_TERMS = 3;
// MMR trade-off (Carbonell and Goldstein 1998) between relevance to the meeting and novelty
// against the sentences already picked; 0.7 is the customary setting.
const RELEVANCE_WEIGHT = 0.7;

// Speech is full of questions and of sentences that trail off or are cut off; a summary wants finished statements.
const isCompleteStatement = (sentence: string): boolean => /[.!]["')\]]*$/.test(sentence);

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;

interface Candidate {
  order: number;
  sentence: TranscriptSentence;
  vector: TermVector;
  norm: number;
  words: number;
  relevance: number;
  /** Highest similarity to any sentence already chosen. */
  redundancy: number;
}

/** Inverse sentence frequency: a term in every sentence says nothing about any of them. */
function inverseSentenceFrequency(sentences: readonly TranscriptSentence[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const term of new Set(sentence.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) weights.set(term, Math.log(sentences.length / frequency));
  return weights;
}

const weighted = (terms: Iterable<string>, idf: Map<string, number>): TermVector => {
  const vector: TermVector = new Map();
  for (const [term, count] of termCounts(terms)) vector.set(term, count * (idf.get(term) ?? 0));
  return vector;
};

/**
 * An extractive summary. Every finished statement of the meeting is scored by its cosine
 * similarity to the meeting's centroid (the tf-idf profile of everything said, Radev et al. 2004),
 * and sentences are picked greedily by maximal marginal relevance, so that each adds something
 * the others did not say, until the word budget is spent; then they are put back in spoken order.
 * Sentences are shown without fillers and stutters; questions and fragments are never picked.
 * Each sentence cites the utterance it came from.
 */
export function summarizeExtractive(transcript: Transcript, options: SummarizeOptions = {}): ExtractiveSummary {
  const sentences = transcriptSentences(transcript);
  const meetingWords = transcript.utterances.reduce((sum, utterance) => sum + wordCount(utterance.text), 0);
  const budget = options.maxWords ?? summaryBudget(meetingWords);
  if (sentences.length === 0 || budget <= 0) return { text: '', sentences: [] };

  const idf = inverseSentenceFrequency(sentences);
  const centroid = weighted(sentences.flatMap((sentence) => sentence.terms), idf);
  const centroidNorm = norm(centroid);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, order) => {
    const words = wordCount(sentence.clean);
    const distinctTerms = new Set(sentence.terms);
    if (!isCompleteStatement(sentence.clean) || words < MIN_SENTENCE_WORDS || distinctTerms.size < MIN_SENTENCE_TERMS) return;
    const vector = weighted(distinctTerms, idf);
    const vectorNorm = norm(vector);
    candidates.push({ order, sentence, vector, norm: vectorNorm, words, relevance: cosine(vector, centroid, vectorNorm, centroidNorm), redundancy: 0 });
  });

  const chosen: Candidate[] = [];
  let wordsLeft = budget;
  let remaining = candidates;
  for (;;) {
    remaining = remaining.filter((candidate) => candidate.words <= wordsLeft);
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const candidate of remaining) {
      const score = RELEVANCE_WEIGHT * candidate.relevance - (1 - RELEVANCE_WEIGHT) * candidate.redundancy;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === undefined) break;
    const picked = best;
    chosen.push(picked);
    wordsLeft -= picked.words;
    remaining = remaining.filter((candidate) => candidate !== picked);
    for (const candidate of remaining) {
      candidate.redundancy = Math.max(candidate.redundancy, cosine(candidate.vector, picked.vector, candidate.norm, picked.norm));
    }
  }

  const summarySentences = chosen
    .sort((a, b) => a.order - b.order)
    .map((candidate) => ({ text: trimDiscourseMarkers(candidate.sentence.clean), utteranceIds: candidate.sentence.utteranceIds }));
  return { text: summarySentences.map((sentence) => sentence.text).join(' '), sentences: summarySentences };
}
