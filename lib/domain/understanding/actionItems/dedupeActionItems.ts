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

/**
 * Merges items that repeat one another (people restate what they will do): the first mention
 * stays, takes an owner or due date that only a later mention had, and cites both.
 */
export function dedupeActionItems(items: readonly Item[]): Item[] {
  const kept: { item: Item; terms: Set<string> }[] = [];
  for (const item of items) {
    const terms = new Set(contentTerms(item.text));
    const same = kept.find((other) => jaccard(other.terms, terms) >= SAME_ITEM_OVERLAP);
    if (same === undefined) {
      kept.push({ item: { ...item, utteranceIds: [...item.utteranceIds] }, terms });
      continue;
    }
    const merged = same.item;
    merged.owner ??= item.owner;
    if (merged.dueDate === null && item.dueDate !== null) {
      merged.dueDate = item.dueDate;
      merged.dueText = item.dueText;
    }
    for (const id of item.utteranceIds) if (!merged.utteranceIds.includes(id)) merged.utteranceIds.push(id);
  }
  return kept.map((entry) => entry.item);
}
