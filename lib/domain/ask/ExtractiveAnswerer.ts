import type { GeneratedBy } from '../labels/generatedBy.js';
import type { Answerer, DraftEvent } from '../ports/Answerer.js';
import { contentTerms } from '../search/analyzeText.js';
import { queryStemsOf, snippetFor } from '../search/snippet.js';
import { splitSentences } from '../understanding/text/splitSentences.js';
import type { Passage } from './passages.js';

export interface ExtractiveOptions {
  /** At most this many sentences in an answer. */
  maxSentences: number;
  /** Shorter sentences ("Yeah, the rubber.") say too little to stand as an answer. */
  minWords: number;
}

const DEFAULTS: ExtractiveOptions = { maxSentences: 3, minWords: 5 };
// Each passage further down the ranking counts a little less: search already ordered them.
const RANK_DECAY = 0.15;
// A question word already covered by a chosen sentence counts this much in the next one.
const COVERED_WEIGHT = 0.3;

interface Candidate {
  passage: Passage;
  rank: number;
  utteranceId: string;
  speaker: string;
  text: string;
  stems: Set<string>;
}

/**
 * The offline answer: the sentences of the retrieved passages that hold the most of the
 * question's words (rarer words weigh more; words a chosen sentence already covers weigh less),
 * quoted as said, speaker first, with the question's words marked «…». It invents nothing, so it
 * is labelled extractive; no sentence with a question word means no answer.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly kind = 'extractive' as const;
  readonly generatedBy: GeneratedBy = { engine: 'aftercall-extractive', model: 'extractive-answer', version: null, aiGenerated: true };
  readonly #options: ExtractiveOptions;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  async *answer(question: string, passages: readonly Passage[]): AsyncIterable<DraftEvent> {
    const queryStems = queryStemsOf(question);
    const candidates = passages.flatMap((passage, rank) =>
      passage.lines.flatMap((line) =>
        splitSentences(line.text)
          .filter((text) => text.split(/\s+/).length >= this.#options.minWords)
          .map((text) => ({ passage, rank, utteranceId: line.utteranceId, speaker: line.speaker, text, stems: new Set(contentTerms(text).map((term) => term.stem)) }))
          .filter((candidate) => [...candidate.stems].some((stem) => queryStems.has(stem))),
      ),
    );
    const chosen = choose(candidates, queryStems, this.#options.maxSentences);
    if (chosen.length === 0) {
      yield { type: 'noAnswer' };
      return;
    }
    for (const candidate of chosen) {
      yield { type: 'sentence', passageIds: [candidate.passage.id], utteranceIds: [candidate.utteranceId] };
      yield { type: 'text', text: `${candidate.speaker}: ${snippetFor(candidate.text, queryStems, candidate.text.length + 1)}` };
    }
  }
}

function choose(candidates: readonly Candidate[], queryStems: ReadonlySet<string>, max: number): Candidate[] {
  const weight = idfOf(candidates, queryStems);
  const covered = new Set<string>();
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  while (chosen.length < max) {
    let best: { candidate: Candidate; score: number } | null = null;
    for (const candidate of candidates) {
      if (seen.has(candidate.text.toLowerCase())) continue;
      let score = 0;
      for (const stem of candidate.stems) if (queryStems.has(stem)) score += (weight.get(stem) ?? 0) * (covered.has(stem) ? COVERED_WEIGHT : 1);
      score /= 1 + RANK_DECAY * candidate.rank;
      if (score > 0 && (best === null || score > best.score)) best = { candidate, score };
    }
    if (best === null) break;
    chosen.push(best.candidate);
    seen.add(best.candidate.text.toLowerCase());
    for (const stem of best.candidate.stems) covered.add(stem);
  }
  return chosen;
}

/** Inverse frequency of each question word among the candidate sentences. */
function idfOf(candidates: readonly Candidate[], queryStems: ReadonlySet<string>): Map<string, number> {
  const weight = new Map<string, number>();
  for (const stem of queryStems) {
    const df = candidates.filter((candidate) => candidate.stems.has(stem)).length;
    if (df > 0) weight.set(stem, Math.log(1 + candidates.length / df));
  }
  return weight;
}
