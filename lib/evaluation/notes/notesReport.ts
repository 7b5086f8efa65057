import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractActionItems } from '../../domain/understanding/extractActionItems.js';
import { extractDecisions } from '../../domain/understanding/extractDecisions.js';
import { evaluateNotes, labelsDirBeside, type NotesEngine, type NotesEvaluation } from './evaluateNotes.js';
import { formatNotesEvaluation } from './formatNotesEvaluation.js';
import { asPredictedActionItem } from './labelledItems.js';

/** The offline engine's action items and decisions, as the evaluation scores them. */
export const offlineNotesEngine = (meetingDate: Date): NotesEngine => ({
  name: 'aftercall-extractive',
  notes: (transcript) => ({
    actionItems: extractActionItems(transcript, { meetingDate }).map(asPredictedActionItem),
    decisions: extractDecisions(transcript),
  }),
});

/**
 * The action-item and decision tables for `npm run eval`, when labels sit beside the meetings'
 * folder (`labels/` next to `qmsum-train/`); a line saying so otherwise.
 */
export async function notesReport(dataDir: string, meetingDate: Date): Promise<{ text: string; evaluation: NotesEvaluation | null }> {
  const labelsDir = labelsDirBeside(dataDir);
  if (labelsDir === null) return { text: `Action items and decisions: no labels/ beside ${dataDir}; not scored.`, evaluation: null };
  // The labels are of qmsum-train's meetings: read them from there even when the run's corpus is another folder.
  const labelledCorpus = join(labelsDir, '..', 'qmsum-train');
  const meetingsDir = existsSync(labelledCorpus) ? labelledCorpus : dataDir;
  const evaluation = await evaluateNotes(meetingsDir, labelsDir, [offlineNotesEngine(meetingDate)]);
  if (evaluation.tune.length + evaluation.report.length === 0) return { text: `Action items and decisions: no labelled meeting in ${meetingsDir}; not scored.`, evaluation };
  return { text: formatNotesEvaluation(evaluation), evaluation };
}
