/** Turns texts into vectors of one fixed dimension, in the order given. */
export interface Embedder {
  /** Names the model, so an index built with another model is never mixed with this one. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
