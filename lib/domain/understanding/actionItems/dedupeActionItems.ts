import type { ActionItem } from '../schema.js';
import { contentTerms } from '../text/contentTerms.js';

type Item = Omit<ActionItem, 'id'>;

// Two items sharing this share of their content words say the same thing twice.
const SAME_ITEM_OVERLAP = 0.6;

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
};

const sameOwner = (a: Item, b: Item): boolean => a.owner === b.owner && a.ownerKind === b.ownerKind;
// One person taking something on twice in one turn is one commitment, restated ("I'll look into it. I'll check the costs.").
const sameTurnSameOwner = (a: Item, b: Item): boolean => a.utteranceIds[0] === b.utteranceIds[0] && sameOwner(a, b) && a.owner !== null;

/**
 * Merges items that repeat one another (people restate what they will do): the same words said
 * again, or the same person taking on work twice in one turn. The first mention stays, takes an
 * owner or due date that only a later mention had, and cites both.
 */
export function dedupeActionItems(items: readonly Item[]): Item[] {
  const kept: { item: Item; terms: Set<string> }[] = [];
  for (const item of items) {
    const terms = new Set(contentTerms(item.text));
    const same = kept.find((other) => jaccard(other.terms, terms) >= SAME_ITEM_OVERLAP || sameTurnSameOwner(other.item, item));
    if (same === undefined) {
      kept.push({ item: { ...item, utteranceIds: [...item.utteranceIds] }, terms });
      continue;
    }
    const merged = same.item;
    if (merged.owner === null && item.owner !== null) {
      merged.owner = item.owner;
      merged.ownerKind = item.ownerKind;
    }
    if (merged.dueDate === null && item.dueDate !== null) {
      merged.dueDate = item.dueDate;
      merged.dueText = item.dueText;
    }
    for (const id of item.utteranceIds) if (!merged.utteranceIds.includes(id)) merged.utteranceIds.push(id);
  }
  return kept.map((entry) => entry.item);
}
