/** Turns texts into vectors of one fixed dimension, in the order given. */
export interface Embedder {
  /** Names the model, so an index built with another model is never mixed with this one. */
  readonly model: string;
  readonly dimensions: number;
  /**
   * The cosine similarity between a query and a passage below which this model's nearest
   * neighbours are noise, not matches. Every model has its own scale (a lexical hash gives small
   * cosines to collisions, a neural model ~0.1–0.2 to unrelated text), so the floor belongs to the
   * model, measured on an archive (see docs/search.md, "Calibrating the floor").
   */
  readonly similarityFloor: number;
  /**
   * How much this model's nearest-neighbour ranking weighs in the fusion with the keyword ranking
   * (which weighs 1); 1 when absent. A model whose vectors carry meaning finds the paraphrases
   * BM25 misses; one whose vectors are only hashed words adds collisions (docs/search.md).
   */
  readonly semanticWeight?: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
