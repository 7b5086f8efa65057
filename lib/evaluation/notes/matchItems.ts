import type { LabelledItem, PredictedItem } from './labelledItems.js';

// labels/GUIDELINE.md: a prediction matches a label placed within this many utterances of it.
const WINDOW = 2;

export interface ItemMatch {
  predicted: number;
  labelled: number;
  /** Utterances between the prediction's and the nearest of the label's indices. */
  distance: number;
}

/** The reference utterance an item starting at `startMs` falls in: the last whose start is not after it. */
export function placeOnUtterance(startMs: number, utteranceStarts: readonly number[]): number {
  let placed = 0;
  utteranceStarts.forEach((start, index) => {
    if (start <= startMs) placed = index;
  });
  return placed;
}

/**
 * The guideline's matching: each prediction is placed on a reference utterance; it may match a
 * label whose `i` or evidence lies within two utterances; pairs are taken one-to-one, nearest
 * first (ties, which the guideline leaves open: pairs whose owners agree, then earlier prediction,
 * then earlier label, so the result does not depend on luck).
 */
export function matchItems(predicted: readonly PredictedItem[], labelled: readonly LabelledItem[], utteranceStarts: readonly number[]): ItemMatch[] {
  const candidates: ItemMatch[] = [];
  predicted.forEach((item, p) => {
    const at = placeOnUtterance(item.startMs, utteranceStarts);
    labelled.forEach((label, l) => {
      const distance = Math.min(...[label.i, ...label.evidence].map((index) => Math.abs(index - at)));
      if (distance <= WINDOW) candidates.push({ predicted: p, labelled: l, distance });
    });
  });
  // Several items said in one utterance ("Industrial Designer the components concept, User Interface the
  // interface concept") are equally near several labels there: pair the ones whose owners agree first.
  const ownerMiss = (c: ItemMatch): number => (labelled[c.labelled]?.owner !== undefined && !sameOwner(predicted[c.predicted]?.owner, labelled[c.labelled]?.owner) ? 1 : 0);
  candidates.sort((a, b) => a.distance - b.distance || ownerMiss(a) - ownerMiss(b) || a.predicted - b.predicted || a.labelled - b.labelled);
  const usedPredicted = new Set<number>();
  const usedLabelled = new Set<number>();
  const matches: ItemMatch[] = [];
  for (const candidate of candidates) {
    if (usedPredicted.has(candidate.predicted) || usedLabelled.has(candidate.labelled)) continue;
    usedPredicted.add(candidate.predicted);
    usedLabelled.add(candidate.labelled);
    matches.push(candidate);
  }
  return matches.sort((a, b) => a.labelled - b.labelled);
}

const normalizeOwner = (owner: string): string => owner.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();

/**
 * The guideline's owner rule: equal after lower-casing and dropping punctuation; a joint owner
 * ("Industrial Designer and User Interface") accepts either person; a labelled null accepts
 * only no owner.
 */
export function sameOwner(predicted: string | null | undefined, labelled: string | null | undefined): boolean {
  if (labelled === null || labelled === undefined) return predicted === null || predicted === undefined;
  if (predicted === null || predicted === undefined) return false;
  const wanted = normalizeOwner(predicted);
  const accepted = [labelled, ...labelled.split(/\s+and\s+/)].map(normalizeOwner);
  return accepted.includes(wanted);
}
