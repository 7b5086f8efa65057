import { DirichletEvidence } from './dirichletEvidence.js';

export interface SegmentationUnit {
  /** Vocabulary ids of the unit's content words. */
  wordIds: readonly number[];
  startMs: number;
  endMs: number;
}

export interface SegmentationModel {
  vocabularySize: number;
  /** Dirichlet concentration of each segment's word distribution. */
  alpha: number;
  /** Log prior cost, in nats, of every segment after the first. */
  boundaryCost: number;
  /** No segment may be shorter than this (the last one only if it is the only one). */
  minSegmentMs: number;
}

/**
 * The most probable segmentation of units into contiguous segments, each with its own word
 * distribution (Utiyama and Isahara 2001; Eisenstein and Barzilay 2008): dynamic programming over
 * segment starts, maximising the sum of the segments' Dirichlet-multinomial evidence minus a cost
 * per boundary. Returns the index of the first unit of each segment (always starting with 0).
 * Cost is O(units × words): each start grows its segment word by word.
 */
export function optimalSegmentation(units: readonly SegmentationUnit[], model: SegmentationModel): number[] {
  const n = units.length;
  if (n === 0) return [];
  const meetingEndMs = Math.max(...units.map((unit) => unit.endMs));
  const endOf = (last: number): number => units[last + 1]?.startMs ?? meetingEndMs;

  // bestScore[j]: best log score of units 0..j-1 split into segments; startOfLast[j]: where its last segment starts.
  const bestScore = new Float64Array(n + 1).fill(-Infinity);
  const startOfLast = new Int32Array(n + 1);
  bestScore[0] = 0;
  for (let start = 0; start < n; start++) {
    const before = bestScore[start] ?? -Infinity;
    if (before === -Infinity) continue;
    const startMs = units[start]?.startMs ?? 0;
    const evidence = new DirichletEvidence(model.vocabularySize, model.alpha);
    const cost = start === 0 ? 0 : model.boundaryCost;
    for (let last = start; last < n; last++) {
      for (const id of units[last]?.wordIds ?? []) evidence.add(id);
      const isWholeMeeting = start === 0 && last === n - 1;
      if (endOf(last) - startMs < model.minSegmentMs && !isWholeMeeting) continue;
      const score = before + evidence.logEvidence - cost;
      if (score > (bestScore[last + 1] ?? -Infinity)) {
        bestScore[last + 1] = score;
        startOfLast[last + 1] = start;
      }
    }
  }

  const starts: number[] = [];
  for (let end = n; end > 0; end = startOfLast[end] ?? 0) starts.push(startOfLast[end] ?? 0);
  return starts.reverse();
}
