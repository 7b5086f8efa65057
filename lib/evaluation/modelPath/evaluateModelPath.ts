import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Understander, UnderstandingDraft } from '../../domain/ports/Understander.js';
import { importTranscript } from '../../domain/transcript/importTranscript.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { groundDraft } from '../../domain/understanding/groundDraft.js';
import { alignUtterances } from '../alignUtterances.js';
import { firstWords, oneSegmentLabels, wordCount } from '../baselines.js';
import { MeetingTruthSchema, type MeetingTruth } from '../meetingTruth.js';
import { BASELINE_ENGINE } from '../notes/evaluateNotes.js';
import { countItems, type ItemCounts } from '../notes/itemScores.js';
import { asPredictedActionItem, LabelledMeetingSchema, type LabelledMeeting, type PredictedItem } from '../notes/labelledItems.js';
import { pk } from '../pk.js';
import { referenceChapterOfUtterance } from '../referenceSegmentation.js';
import { rouge } from '../rouge.js';
import { windowDiff } from '../windowDiff.js';

/** One engine on one meeting, scored by the functions of the offline tables. */
export interface ModelPathMeetingScore {
  id: string;
  pk: number;
  windowDiff: number;
  /** Null when the meeting has no reference summary. */
  rouge1: number | null;
  rouge2: number | null;
  /** Null when the meeting is not labelled. */
  actionItems: ItemCounts | null;
  decisions: ItemCounts | null;
}

export interface ModelPathEvaluation {
  meetings: string[];
  /** The trivial baselines (one chapter, lead, will/should), the offline engine, then the model. */
  engines: { name: string; scores: ModelPathMeetingScore[] }[];
  /** Meetings the model failed on (scored as empty notes), with why. */
  failures: { id: string; reason: string }[];
}

interface Meeting {
  id: string;
  transcript: Transcript;
  truth: MeetingTruth;
  labels: LabelledMeeting | null;
}

/**
 * The model path and the offline engine on the same few meetings, each draft grounded as the
 * understand step grounds it, scored like the offline tables: Pk and WindowDiff of the chapters,
 * ROUGE-1/2 of the summary's text, action items and decisions by the labels' matching rule.
 * Meetings are taken in order from `ids` (callers put the labelled ones first).
 */
export async function evaluateModelPath(options: {
  dataDir: string;
  labelsDir: string | null;
  ids: readonly string[];
  offline: Understander;
  model: Understander;
  meetingDate: Date;
}): Promise<ModelPathEvaluation> {
  const meetings: Meeting[] = [];
  for (const id of options.ids) {
    const labelsFile = options.labelsDir === null ? null : join(options.labelsDir, `${id}.labels.json`);
    meetings.push({
      id,
      transcript: await importTranscript(readFileSync(join(options.dataDir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` }),
      truth: MeetingTruthSchema.parse(JSON.parse(readFileSync(join(options.dataDir, `${id}.truth.json`), 'utf8'))),
      labels: labelsFile !== null && existsSync(labelsFile) ? LabelledMeetingSchema.parse(JSON.parse(readFileSync(labelsFile, 'utf8'))) : null,
    });
  }
  const failures: ModelPathEvaluation['failures'] = [];
  const run = async (engine: Understander, meeting: Meeting): Promise<UnderstandingDraft> => {
    try {
      return groundDraft(meeting.transcript, await engine.understand(meeting.transcript, { meetingDate: options.meetingDate })).draft;
    } catch (error) {
      if (engine === options.offline) throw error;
      failures.push({ id: meeting.id, reason: error instanceof Error ? error.message : String(error) });
      return { summary: { text: '', sentences: [] }, actionItems: [], decisions: [], chapters: [] };
    }
  };
  const baseline: ModelPathMeetingScore[] = [];
  const offline: ModelPathMeetingScore[] = [];
  const model: ModelPathMeetingScore[] = [];
  for (const meeting of meetings) {
    baseline.push(baselineScore(meeting));
    offline.push(scoreDraft(meeting, await run(options.offline, meeting)));
    model.push(scoreDraft(meeting, await run(options.model, meeting)));
  }
  return {
    meetings: meetings.map((m) => m.id),
    engines: [
      { name: 'baseline (1 chapter; lead; will/should)', scores: baseline },
      { name: options.offline.name, scores: offline },
      { name: options.model.name, scores: model },
    ],
    failures,
  };
}

function scoreDraft(meeting: Meeting, draft: UnderstandingDraft): ModelPathMeetingScore {
  const chapterOf = new Map<string, number>();
  draft.chapters.forEach((chapter, index) => chapter.utteranceIds.forEach((id) => chapterOf.set(id, index)));
  // An utterance no chapter cites belongs to the chapter before it.
  let current = 0;
  const hypothesis = meeting.transcript.utterances.map((u) => (current = chapterOf.get(u.id) ?? current));
  return scores(meeting, hypothesis, draft.summary.text, {
    actionItems: draft.actionItems.map(asPredictedActionItem),
    decisions: draft.decisions.map((d) => ({ text: d.text, startMs: d.startMs })),
  });
}

function baselineScore(meeting: Meeting): ModelPathMeetingScore {
  const reference = meeting.truth.summary ?? '';
  const lead = firstWords(meeting.transcript.utterances.map((u) => u.text), wordCount(reference));
  const notes = BASELINE_ENGINE.notes(meeting.transcript) as { actionItems: PredictedItem[]; decisions: PredictedItem[] };
  return scores(meeting, oneSegmentLabels(meeting.transcript.utterances.length), lead, notes);
}

function scores(meeting: Meeting, hypothesis: readonly number[], summary: string, notes: { actionItems: PredictedItem[]; decisions: PredictedItem[] }): ModelPathMeetingScore {
  const chapterOfTruthUtterance = referenceChapterOfUtterance(meeting.truth);
  const reference = alignUtterances(meeting.transcript, meeting.truth).map((index) => chapterOfTruthUtterance[index] ?? 0);
  const referenceSummary = meeting.truth.summary;
  const summaryScores = typeof referenceSummary === 'string' && referenceSummary.trim().length > 0 ? rouge(summary, referenceSummary) : null;
  const starts = meeting.truth.utterances.map((u) => u.startMs);
  const labels = meeting.labels;
  return {
    id: meeting.id,
    pk: pk(reference, hypothesis),
    windowDiff: windowDiff(reference, hypothesis),
    rouge1: summaryScores?.rouge1.f1 ?? null,
    rouge2: summaryScores?.rouge2.f1 ?? null,
    actionItems: labels === null ? null : countItems(notes.actionItems, labels.actionItems.map((item) => ({ i: item.i, evidence: item.evidence, owner: item.owner, text: item.task })), starts),
    decisions: labels === null ? null : countItems(notes.decisions, labels.decisions.map((item) => ({ i: item.i, evidence: item.evidence, text: item.decision })), starts),
  };
}
