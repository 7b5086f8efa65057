/**
 * One stream of tokens observed in every unit, e.g. the unit's content words, or who held the
 * floor. Each segment gets its own distribution over the stream's vocabulary.
 */
export interface SegmentationStream {
  /** Token ids (0 ≤ id < vocabularySize) of each unit, one array per unit. */
  tokens: readonly (readonly number[])[];
  vocabularySize: number;
  /** Dirichlet concentration of each segment's distribution over this stream. */
  alpha: number;
  /** How much this stream's log evidence counts, relative to a weight of 1. */
  weight: number;
}

export interface SegmentationModel {
  /** Start and end of each unit, in ms. */
  timing: readonly { startMs: number; endMs: number }[];
  streams: readonly SegmentationStream[];
  /** Log prior cost, in nats, of a segment starting at this unit (never asked for unit 0). */
  boundaryCost: (start: number) => number;
  /** No segment may be shorter than this (the last one only if it is the only one). */
  minSegmentMs: number;
}

/**
 * The most probable segmentation of units into contiguous segments, each with its own token
 * distributions (Utiyama and Isahara 2001; Eisenstein and Barzilay 2008): dynamic programming over
 * segment starts, maximising the weighted sum of the segments' Dirichlet-multinomial evidence over
 * all streams minus a cost per boundary. Returns the index of the first unit of each segment
 * (always starting with 0). Cost is O(units × tokens): each start grows its segment token by token.
 */
export function optimalSegmentation(model: SegmentationModel): number[] {
  const { timing, streams } = model;
  const n = timing.length;
  if (n === 0) return [];
  const meetingEndMs = Math.max(...timing.map((unit) => unit.endMs));
  const endOf = (last: number): number => timing[last + 1]?.startMs ?? meetingEndMs;

  // log(c + α) and log(Vα + t) for every count a segment can reach, so the inner loop only adds:
  // a segment's Dirichlet-multinomial log evidence grows by log(c_w + α) − log(Vα + t) per token.
  const tables = streams.map((stream) => {
    const total = stream.tokens.reduce((sum, unitTokens) => sum + unitTokens.length, 0);
    const logCount = new Float64Array(total + 1);
    const logTotal = new Float64Array(total + 1);
    for (let c = 0; c <= total; c++) {
      logCount[c] = Math.log(c + stream.alpha);
      logTotal[c] = Math.log(stream.vocabularySize * stream.alpha + c);
    }
    return { logCount, logTotal, counts: new Int32Array(stream.vocabularySize) };
  });

  // bestScore[j]: best log score of units 0..j-1 split into segments; startOfLast[j]: where its last segment starts.
  const bestScore = new Float64Array(n + 1).fill(-Infinity);
  const startOfLast = new Int32Array(n + 1);
  bestScore[0] = 0;
  const seen = new Int32Array(streams.length);
  const evidence = new Float64Array(streams.length);
  for (let start = 0; start < n; start++) {
    const before = bestScore[start] ?? -Infinity;
    if (before === -Infinity) continue;
    const startMs = timing[start]?.startMs ?? 0;
    for (const table of tables) table.counts.fill(0);
    seen.fill(0);
    evidence.fill(0);
    const cost = start === 0 ? 0 : model.boundaryCost(start);
    for (let last = start; last < n; last++) {
      let logEvidence = 0;
      for (let s = 0; s < streams.length; s++) {
        const stream = streams[s];
        const table = tables[s];
        if (stream === undefined || table === undefined) continue;
        let value = evidence[s] ?? 0;
        let tokens = seen[s] ?? 0;
        for (const id of stream.tokens[last] ?? []) {
          const count = table.counts[id] ?? 0;
          value += (table.logCount[count] ?? 0) - (table.logTotal[tokens] ?? 0);
          table.counts[id] = count + 1;
          tokens++;
        }
        evidence[s] = value;
        seen[s] = tokens;
        logEvidence += stream.weight * value;
      }
      const isWholeMeeting = start === 0 && last === n - 1;
      if (endOf(last) - startMs < model.minSegmentMs && !isWholeMeeting) continue;
      const score = before + logEvidence - cost;
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
