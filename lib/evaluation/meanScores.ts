import type { MeetingScores, SegmentationScore, SummaryScore } from './scoreMeeting.js';

export interface MeanScores {
  meetings: number;
  meetingsWithSummary: number;
  chapters: { system: SegmentationScore; oneChapter: SegmentationScore; equalChapters: SegmentationScore };
  summary: { system: SummaryScore; firstWords: SummaryScore } | null;
}

const average = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

const meanSegmentation = (scores: readonly SegmentationScore[]): SegmentationScore => ({
  pk: average(scores.map((score) => score.pk)),
  windowDiff: average(scores.map((score) => score.windowDiff)),
});

const meanSummary = (scores: readonly SummaryScore[]): SummaryScore => ({
  rouge1: average(scores.map((score) => score.rouge1)),
  rouge2: average(scores.map((score) => score.rouge2)),
  rougeL: average(scores.map((score) => score.rougeL)),
});

/** Macro averages: every meeting counts once; summaries over the meetings that have a reference. */
export function meanScores(meetings: readonly MeetingScores[]): MeanScores {
  const summaries = meetings.flatMap((meeting) => (meeting.summary === null ? [] : [meeting.summary]));
  return {
    meetings: meetings.length,
    meetingsWithSummary: summaries.length,
    chapters: {
      system: meanSegmentation(meetings.map((meeting) => meeting.chapters.system)),
      oneChapter: meanSegmentation(meetings.map((meeting) => meeting.chapters.oneChapter)),
      equalChapters: meanSegmentation(meetings.map((meeting) => meeting.chapters.equalChapters)),
    },
    summary:
      summaries.length === 0
        ? null
        : {
            system: meanSummary(summaries.map((summary) => summary.system)),
            firstWords: meanSummary(summaries.map((summary) => summary.firstWords)),
          },
  };
}
