import { h } from './dom.js';
import type { GeneratedBy } from './types.js';

/** Who generated a result, as the API's meeting view gives it (`aiLabels`, or a result's `generatedBy`). */
export type { GeneratedBy } from './types.js';

export const AI_LABEL_TEXT = 'AI-generated — may be inaccurate';

/**
 * The visible label for anything a model or algorithm produced (summary, decisions, action
 * items, chapters, answers): the words, then the engine and model. Reusable by any page.
 */
export function aiLabel(generatedBy?: GeneratedBy | null): HTMLParagraphElement {
  const engine = generatedBy === null || generatedBy === undefined ? null : `${generatedBy.engine} ${generatedBy.model === generatedBy.engine ? '' : generatedBy.model}`.trim();
  return h('p', { class: 'ai-label' }, AI_LABEL_TEXT, engine === null ? null : h('span', { class: 'ai-label-engine' }, ` · ${engine}`));
}

/** Puts the label right under a section's heading (or first, without one) and returns the section. */
export function withAiLabel<E extends HTMLElement>(section: E, generatedBy?: GeneratedBy | null): E {
  const label = aiLabel(generatedBy);
  const heading = section.querySelector('h2, h3');
  if (heading === null) section.prepend(label);
  else heading.after(label);
  return section;
}
