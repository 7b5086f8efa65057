import type { UnderstandingDraft } from '../ports/Understander.js';
import { UNDERSTANDING_SCHEMA_VERSION, type ActionItems, type Chapters, type Summary } from './schema.js';

/** A grounded draft as the three result files store it: versioned, stamped with meeting and engine, items numbered. */
export function understandingResults(meetingId: string, engine: string, draft: Omit<UnderstandingDraft, 'engine'>): { summary: Summary; actionItems: ActionItems; chapters: Chapters } {
  const common = { schemaVersion: UNDERSTANDING_SCHEMA_VERSION, meetingId, engine } as const;
  return {
    summary: { ...common, text: draft.summary.text, sentences: draft.summary.sentences, ...(draft.summary.sections === undefined ? {} : { sections: draft.summary.sections }) },
    actionItems: { ...common, items: draft.actionItems.map((item, i) => ({ ...item, id: `a${i + 1}` })) },
    chapters: { ...common, chapters: draft.chapters.map((chapter, i) => ({ ...chapter, id: `c${i + 1}` })) },
  };
}
