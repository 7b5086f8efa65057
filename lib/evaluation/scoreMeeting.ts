import type { Transcript } from '../domain/transcript/schema.js';
import { alignUtterances } from './alignUtterances.js';
import { equalDurationLabels, firstWords, oneSegmentLabels, wordCount } from './baselines.js';
import type { MeetingTruth } from './meetingTruth.js';
import { pk } from './pk.js';
import { referenceChapterOfUtterance } from './referenceSegmentation.js';
import { rouge } from './rouge.js';
import { defaultWindow, segmentCount } from './segmentation.js';
import { windowDiff } from './windowDiff.js';

export interface SegmentationScore {
  pk: number;
  windowDiff: number;
}

export interface SummaryScore {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export interface MeetingScores {
  id: string;
  utterances: number;
  minutes: number;
  /** Pk/WindowDiff window, in utterances. */
  window: number;
  referenceChapters: number;
  systemChapters: number;
  chapters: { system: SegmentationScore; oneChapter: SegmentationScore; equalChapters: SegmentationScore };
  /** Null when the meeting has no reference summary. */
  summary: { referenceWords: number; systemWords: number; system: SummaryScore; firstWords: SummaryScore } | null;
}

/** What the engine produced for a meeting, as far as scoring needs it. */
export interface EngineOutput {
  chapters: readonly { utteranceIds: readonly string[] }[];
  summary: string;
}

const segmentationScore = (reference: readonly number[], hypothesis: readonly number[]): SegmentationScore => ({
  pk: pk(reference, hypothesis),
  windowDiff: windowDiff(reference, hypothesis),
});

const summaryScore = (candidate: string, reference: string): SummaryScore => {
  const scores = rouge(candidate, reference);
  return { rouge1: scores.rouge1.f1, rouge2: scores.rouge2.f1, rougeL: scores.rougeL.f1 };
};

/** The chapter number of each utterance under the engine's chapters (which cite all their utterances). */
function systemLabels(transcript: Transcript, chapters: EngineOutput['chapters']): number[] {
  const chapterOf = new Map<string, number>();
  chapters.forEach((chapter, index) => chapter.utteranceIds.forEach((id) => chapterOf.set(id, index)));
  return transcript.utterances.map((utterance) => {
    const chapter = chapterOf.get(utterance.id);
    if (chapter === undefined) throw new Error(`chapters of ${transcript.meetingId} leave out utterance ${utterance.id}`);
    return chapter;
  });
}

/**
 * Scores one meeting against its reference, next to the trivial baselines. Segmentations are
 * compared over the transcript's utterances; each takes the reference chapter of the reference
 * utterance it was imported from (the import drops the reference's empty turns).
 */
export function scoreMeeting(transcript: Transcript, truth: MeetingTruth, output: EngineOutput): MeetingScores {
  const chapterOfTruthUtterance = referenceChapterOfUtterance(truth);
  const reference = alignUtterances(transcript, truth).map((index) => chapterOfTruthUtterance[index] ?? 0);
  const hypothesis = systemLabels(transcript, output.chapters);
  const starts = transcript.utterances.map((utterance) => utterance.startMs);
  const startMs = starts[0] ?? 0;
  const endMs = Math.max(startMs, ...transcript.utterances.map((utterance) => utterance.endMs));
  const referenceChapters = segmentCount(reference);

  const referenceSummary = truth.summary?.trim() ?? '';
  const referenceWords = wordCount(referenceSummary);
  const lead = firstWords(transcript.utterances.map((utterance) => utterance.text), referenceWords);

  return {
    id: truth.id,
    utterances: transcript.utterances.length,
    minutes: (endMs - startMs) / 60_000,
    window: defaultWindow(reference),
    referenceChapters,
    systemChapters: output.chapters.length,
    chapters: {
      system: segmentationScore(reference, hypothesis),
      oneChapter: segmentationScore(reference, oneSegmentLabels(reference.length)),
      equalChapters: segmentationScore(reference, equalDurationLabels(starts, referenceChapters, startMs, endMs)),
    },
    summary:
      referenceWords === 0
        ? null
        : {
            referenceWords,
            systemWords: wordCount(output.summary),
            system: summaryScore(output.summary, referenceSummary),
            firstWords: summaryScore(lead, referenceSummary),
          },
  };
}
