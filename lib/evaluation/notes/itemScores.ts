import type { LabelledItem, PredictedItem } from './labelledItems.js';
import { matchItems, sameOwner } from './matchItems.js';

/** Counts summed over meetings, as the guideline scores them (not averaged per meeting). */
export interface ItemCounts {
  predicted: number;
  labelled: number;
  matched: number;
  /** Matched pairs whose owner agrees (action items only). */
  ownerRight: number;
}

export const NO_COUNTS: ItemCounts = { predicted: 0, labelled: 0, matched: 0, ownerRight: 0 };

export function countItems(predicted: readonly PredictedItem[], labelled: readonly LabelledItem[], utteranceStarts: readonly number[]): ItemCounts {
  const matches = matchItems(predicted, labelled, utteranceStarts);
  return {
    predicted: predicted.length,
    labelled: labelled.length,
    matched: matches.length,
    ownerRight: matches.filter((m) => sameOwner(predicted[m.predicted]?.owner, labelled[m.labelled]?.owner)).length,
  };
}

export const addCounts = (a: ItemCounts, b: ItemCounts): ItemCounts => ({
  predicted: a.predicted + b.predicted,
  labelled: a.labelled + b.labelled,
  matched: a.matched + b.matched,
  ownerRight: a.ownerRight + b.ownerRight,
});

export interface ItemScores {
  precision: number;
  recall: number;
  /** Over matched pairs; NaN when nothing matched. */
  ownerAccuracy: number;
}

export const scoresOf = (counts: ItemCounts): ItemScores => ({
  precision: counts.predicted === 0 ? 0 : counts.matched / counts.predicted,
  recall: counts.labelled === 0 ? 0 : counts.matched / counts.labelled,
  ownerAccuracy: counts.matched === 0 ? Number.NaN : counts.ownerRight / counts.matched,
});
