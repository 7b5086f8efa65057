/** One segment for everything: the baseline that never cuts. */
export const oneSegmentLabels = (units: number): number[] => new Array<number>(units).fill(0);

/**
 * `segments` segments of equal duration: each unit goes to the segment its start time falls in.
 * This is the "true number of equal chapters" baseline (the data README's figures are for equal
 * time, not equal numbers of utterances).
 */
export function equalDurationLabels(unitStartsMs: readonly number[], segments: number, startMs: number, endMs: number): number[] {
  const count = Math.max(1, segments);
  const duration = Math.max(1, endMs - startMs);
  return unitStartsMs.map((unitStart) => Math.min(count - 1, Math.max(0, Math.floor(((unitStart - startMs) * count) / duration))));
}

/** The first `words` whitespace-separated words of the transcript: the "lead" summary baseline. */
export function firstWords(texts: readonly string[], words: number): string {
  const taken: string[] = [];
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (taken.length >= words) return taken.join(' ');
      if (word.length > 0) taken.push(word);
    }
  }
  return taken.join(' ');
}

export const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
