import type { Embedder } from '../ports/Embedder.js';
import { contentTerms } from './analyzeText.js';
import { stableHash32 } from './stableHash.js';

export interface HashedTermEmbedderOptions {
  /** Number of hash buckets; more means fewer collisions between unrelated terms. */
  dimensions?: number;
  /** Weight of a two-word phrase relative to a single word. */
  bigramWeight?: number;
  /** Overrides the calibrated floor (see HASHED_SIMILARITY_FLOOR). */
  similarityFloor?: number;
}

export const DEFAULT_HASHED_DIMENSIONS = 512;
const DEFAULT_BIGRAM_WEIGHT = 0.5;

/**
 * Hash collisions alone (a passage sharing no word with the query) reach a cosine of 0.42 at the
 * 99.9th percentile and 0.50 at most among the top 40 neighbours of 1,105 QMSum questions over
 * the 162-meeting archive (16,449 passages, 512 dimensions): below this floor a neighbour is
 * noise, and a real match is found by its words instead (relevance.ts). Measured with
 * `npm run eval -- --calibrate-search`; see docs/search.md.
 */
export const HASHED_SIMILARITY_FLOOR = 0.5;

/**
 * Hashed words are what BM25 already weighs, without its rare-word weighting and with collisions:
 * in the fusion the keyword ranking leads and the vectors only break its ties and add what it
 * lacks. Chosen on the calibration third of QMSum (weights 1, 0.1, 0.01: 0.1 was best at
 * recall at 1 and 10); see docs/search.md.
 */
export const HASHED_SEMANTIC_WEIGHT = 0.1;

/**
 * A lexical embedding that needs no model, key or network: stemmed content words and adjacent
 * word pairs, feature-hashed into a fixed number of signed buckets. Cosine similarity between two
 * vectors approximates their weighted term overlap, which is what an offline archive search
 * needs. The model name carries every setting that changes the vectors, so an index built with
 * other settings is never mixed with this one.
 */
export class HashedTermEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly similarityFloor: number;
  readonly semanticWeight = HASHED_SEMANTIC_WEIGHT;
  readonly #bigramWeight: number;

  constructor(options: HashedTermEmbedderOptions = {}) {
    const dimensions = options.dimensions ?? DEFAULT_HASHED_DIMENSIONS;
    if (!Number.isInteger(dimensions) || dimensions < 2) {
      throw new RangeError(`dimensions must be an integer of at least 2, got ${dimensions}`);
    }
    const bigramWeight = options.bigramWeight ?? DEFAULT_BIGRAM_WEIGHT;
    if (!(bigramWeight >= 0)) {
      throw new RangeError(`bigramWeight must be zero or more, got ${bigramWeight}`);
    }
    this.dimensions = dimensions;
    this.similarityFloor = options.similarityFloor ?? HASHED_SIMILARITY_FLOOR;
    this.#bigramWeight = bigramWeight;
    this.model = bigramWeight === DEFAULT_BIGRAM_WEIGHT ? `hashed-terms-v1-d${dimensions}` : `hashed-terms-v1-d${dimensions}-b${bigramWeight}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** A text with no content words gives the zero vector; callers must not divide by its norm. */
  embedOne(text: string): Float32Array {
    const counts = featureCounts(contentTerms(text).map((term) => term.stem));
    const sums = new Float64Array(this.dimensions);
    for (const [feature, { count, isBigram }] of counts) {
      const hash = stableHash32(feature);
      const bucket = hash % this.dimensions;
      const sign = hash & 0x80000000 ? -1 : 1;
      // Sublinear tf: a word said ten times is more telling than once, but not ten times more.
      const weight = (1 + Math.log(count)) * (isBigram ? this.#bigramWeight : 1);
      sums[bucket] = (sums[bucket] ?? 0) + sign * weight;
    }
    return l2Normalized(sums);
  }
}

// Bigrams are taken over content words only, so "remote control" also matches
// "remote for the control": stopwords between them are gone before pairing.
function featureCounts(stems: readonly string[]): Map<string, { count: number; isBigram: boolean }> {
  const counts = new Map<string, { count: number; isBigram: boolean }>();
  const add = (feature: string, isBigram: boolean): void => {
    const entry = counts.get(feature);
    if (entry) entry.count += 1;
    else counts.set(feature, { count: 1, isBigram });
  };
  stems.forEach((stem, index) => {
    add(stem, false);
    const next = stems[index + 1];
    // A space never occurs inside a stem, so a bigram never collides with a unigram's name.
    if (next !== undefined) add(`${stem} ${next}`, true);
  });
  return counts;
}

function l2Normalized(values: Float64Array): Float32Array {
  let squares = 0;
  for (const value of values) squares += value * value;
  const vector = new Float32Array(values.length);
  if (squares === 0) return vector;
  const norm = Math.sqrt(squares);
  values.forEach((value, index) => {
    vector[index] = value / norm;
  });
  return vector;
}
