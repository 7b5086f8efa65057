import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importTranscript } from '../../domain/transcript/importTranscript.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { MeetingTruthSchema } from '../meetingTruth.js';
import { decidingWordsBaseline, willOrShouldBaseline } from './itemBaselines.js';
import { addCounts, countItems, NO_COUNTS, type ItemCounts } from './itemScores.js';
import { LabelledMeetingSchema, type PredictedItem } from './labelledItems.js';
import { splitForTuning } from './labelSplit.js';

/** What an engine says a meeting's notes hold, reduced to what the matching rule scores. */
export interface MeetingNotesPrediction {
  actionItems: PredictedItem[];
  decisions: PredictedItem[];
}

export interface NotesEngine {
  name: string;
  notes(transcript: Transcript): Promise<MeetingNotesPrediction> | MeetingNotesPrediction;
}

export interface MeetingNotesCounts {
  meetingId: string;
  actionItems: ItemCounts;
  decisions: ItemCounts;
}

export interface NotesEvaluation {
  tune: string[];
  report: string[];
  /** Per engine (the baseline first), per labelled meeting. */
  engines: { name: string; meetings: MeetingNotesCounts[] }[];
}

/** The trivial baselines every engine is printed beside. */
export const BASELINE_ENGINE: NotesEngine = {
  name: 'baseline (will/should; decide/agree)',
  notes: (transcript) => ({ actionItems: willOrShouldBaseline(transcript), decisions: decidingWordsBaseline(transcript) }),
};

/** `labels/` beside the meetings' folder (../shared/data/labels for ../shared/data/qmsum-train), if it is there. */
export function labelsDirBeside(dataDir: string): string | null {
  const dir = join(dataDir, '..', 'labels');
  return existsSync(dir) ? dir : null;
}

/**
 * Scores engines' action items and decisions on the labelled meetings by labels/GUIDELINE.md's
 * matching rule. Only meetings with both a label file and a transcript in `dataDir` count.
 */
export async function evaluateNotes(dataDir: string, labelsDir: string, engines: readonly NotesEngine[]): Promise<NotesEvaluation> {
  const ids = readdirSync(labelsDir)
    .filter((name) => name.endsWith('.labels.json'))
    .map((name) => name.slice(0, -'.labels.json'.length))
    .filter((id) => existsSync(join(dataDir, `${id}.vtt`)) && existsSync(join(dataDir, `${id}.truth.json`)))
    .sort();
  const meetings = await Promise.all(
    ids.map(async (id) => ({
      id,
      transcript: await importTranscript(readFileSync(join(dataDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` }),
      starts: MeetingTruthSchema.parse(JSON.parse(readFileSync(join(dataDir, `${id}.truth.json`), 'utf8'))).utterances.map((u) => u.startMs),
      labels: LabelledMeetingSchema.parse(JSON.parse(readFileSync(join(labelsDir, `${id}.labels.json`), 'utf8'))),
    })),
  );
  const results: NotesEvaluation['engines'] = [];
  for (const engine of [BASELINE_ENGINE, ...engines]) {
    const scored: MeetingNotesCounts[] = [];
    for (const meeting of meetings) {
      const predicted = await engine.notes(meeting.transcript);
      const actionLabels = meeting.labels.actionItems.map((item) => ({ i: item.i, evidence: item.evidence, owner: item.owner, text: item.task }));
      const decisionLabels = meeting.labels.decisions.map((item) => ({ i: item.i, evidence: item.evidence, text: item.decision }));
      scored.push({
        meetingId: meeting.id,
        actionItems: countItems(predicted.actionItems, actionLabels, meeting.starts),
        decisions: countItems(predicted.decisions, decisionLabels, meeting.starts),
      });
    }
    results.push({ name: engine.name, meetings: scored });
  }
  return { ...splitForTuning(ids), engines: results };
}

/** Sums a part of the meetings. */
export function sumCounts(meetings: readonly MeetingNotesCounts[], ids: readonly string[]): { actionItems: ItemCounts; decisions: ItemCounts } {
  const wanted = new Set(ids);
  return meetings
    .filter((m) => wanted.has(m.meetingId))
    .reduce((sum, m) => ({ actionItems: addCounts(sum.actionItems, m.actionItems), decisions: addCounts(sum.decisions, m.decisions) }), {
      actionItems: NO_COUNTS,
      decisions: NO_COUNTS,
    });
}
