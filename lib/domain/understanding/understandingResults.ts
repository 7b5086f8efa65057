import { AFTERCALL_VERSION } from '../../version.js';
import { generatedByOfEngine } from '../labels/generatedBy.js';
import type { UnderstandingDraft } from '../ports/Understander.js';
import { UNDERSTANDING_SCHEMA_VERSION, type ActionItems, type Chapters, type Decisions, type Summary } from './schema.js';

/** A grounded draft as the result files store it: versioned, stamped with meeting and engine, items numbered. */
export function understandingResults(
  meetingId: string,
  engine: string,
  // Decisions may be left out by callers that only need the other results (the search evaluation).
  draft: Omit<UnderstandingDraft, 'engine' | 'decisions'> & Partial<Pick<UnderstandingDraft, 'decisions'>>,
): { summary: Summary; actionItems: ActionItems; decisions: Decisions; chapters: Chapters } {
  const common = { schemaVersion: UNDERSTANDING_SCHEMA_VERSION, meetingId, engine, generatedBy: generatedByOfEngine(engine, AFTERCALL_VERSION) } as const;
  return {
    summary: { ...common, text: draft.summary.text, sentences: draft.summary.sentences, ...(draft.summary.sections === undefined ? {} : { sections: draft.summary.sections }) },
    actionItems: { ...common, items: draft.actionItems.map((item, i) => ({ ...item, id: `a${i + 1}` })) },
    decisions: { ...common, decisions: (draft.decisions ?? []).map((decision, i) => ({ ...decision, id: `d${i + 1}` })) },
    chapters: { ...common, chapters: draft.chapters.map((chapter, i) => ({ ...chapter, id: `c${i + 1}` })) },
  };
}
