import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTranscript } from '../domain/transcript/importTranscript.js';
import type { Transcript } from '../domain/transcript/schema.js';
import { segmentChapters } from '../domain/understanding/segmentChapters.js';
import { alignUtterances } from './alignUtterances.js';
import { equalDurationLabels, oneSegmentLabels } from './baselines.js';
import { MeetingTruthSchema, type MeetingTruth } from './meetingTruth.js';
import { pk } from './pk.js';
import { referenceChapterOfUtterance } from './referenceSegmentation.js';
import type { SegmentationScore } from './scoreMeeting.js';
import { segmentCount } from './segmentation.js';
import { windowDiff } from './windowDiff.js';

export type ChapterSource = 'AMI' | 'ICSI' | 'committee' | 'other';
export type SplitPart = 'tune' | 'held-out';

/** Where a QMSum meeting comes from, by its id: AMI ES/IS/TS, ICSI B*, parliamentary committees. */
export function chapterSource(id: string): ChapterSource {
  if (/^(ES|IS|TS)\d/.test(id)) return 'AMI';
  if (/^B[a-z]{2}\d/.test(id)) return 'ICSI';
  if (/^(covid|education)_/.test(id)) return 'committee';
  return 'other';
}

// Finer strata than the sources, so each part gets its share of every kind of meeting.
const stratumOf = (id: string): string => (chapterSource(id) === 'AMI' ? id.slice(0, 2) : chapterSource(id) === 'committee' ? (id.split('_')[0] ?? id) : chapterSource(id));
// The four AMI meetings of a series (ES2002a–d) share people and product: they go to the same part.
const groupOf = (id: string): string => (chapterSource(id) === 'AMI' ? id.replace(/[a-z]$/, '') : id);

/**
 * The fixed tuning / held-out split: within each stratum (AMI ES, IS, TS; ICSI; covid and
 * education committees) the groups sorted by id, every third held out. Chapter settings are
 * chosen on the tuning part only; the held-out part shows how they do on meetings not looked at.
 */
export function chapterSplit(ids: readonly string[]): Map<string, SplitPart> {
  const heldOut = new Set<string>();
  const groupsByStratum = new Map<string, Set<string>>();
  for (const id of ids) {
    const groups = groupsByStratum.get(stratumOf(id)) ?? new Set<string>();
    groups.add(groupOf(id));
    groupsByStratum.set(stratumOf(id), groups);
  }
  for (const groups of groupsByStratum.values()) {
    [...groups].sort().forEach((group, i) => {
      if (i % 3 === 2) heldOut.add(group);
    });
  }
  return new Map(ids.map((id) => [id, heldOut.has(groupOf(id)) ? 'held-out' : 'tune']));
}

export interface ChapterMeetingScore {
  id: string;
  source: ChapterSource;
  part: SplitPart;
  hours: number;
  referenceChapters: number;
  systemChapters: number;
  system: SegmentationScore;
  oneChapter: SegmentationScore;
  equalChapters: SegmentationScore;
  /** CPU time of the segmenter (with titles), so a busy machine does not inflate it. */
  cpuMs: number;
  /** Each system chapter's title beside the title of the reference chapter it overlaps most. */
  titles: { system: string; reference: string }[];
}

const pair = (reference: readonly number[], hypothesis: readonly number[]): SegmentationScore => ({
  pk: pk(reference, hypothesis),
  windowDiff: windowDiff(reference, hypothesis),
});

/** Scores the chapters of one meeting against its reference, beside the one-chapter and equal-chapters baselines. */
export function scoreChapters(transcript: Transcript, truth: MeetingTruth, part: SplitPart): ChapterMeetingScore {
  const chapterOfTruthUtterance = referenceChapterOfUtterance(truth);
  const reference = alignUtterances(transcript, truth).map((index) => chapterOfTruthUtterance[index] ?? 0);
  const before = process.cpuUsage();
  const chapters = segmentChapters(transcript);
  const used = process.cpuUsage(before);

  const chapterOf = new Map<string, number>();
  chapters.forEach((chapter, index) => chapter.utteranceIds.forEach((id) => chapterOf.set(id, index)));
  const hypothesis = transcript.utterances.map((utterance) => chapterOf.get(utterance.id) ?? 0);
  const starts = transcript.utterances.map((utterance) => utterance.startMs);
  const startMs = starts[0] ?? 0;
  const endMs = Math.max(startMs, ...transcript.utterances.map((utterance) => utterance.endMs));
  const sortedReference = [...truth.chapters].sort((a, b) => a.startUtterance - b.startUtterance);

  const titles = chapters.map((chapter, index) => {
    const overlap = new Map<number, number>();
    hypothesis.forEach((label, i) => {
      if (label === index) overlap.set(reference[i] ?? 0, (overlap.get(reference[i] ?? 0) ?? 0) + 1);
    });
    const [mostOverlapped] = [...overlap.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0];
    return { system: chapter.title, reference: sortedReference[mostOverlapped]?.title ?? '' };
  });

  return {
    id: truth.id,
    source: chapterSource(truth.id),
    part,
    hours: (endMs - startMs) / 3_600_000,
    referenceChapters: segmentCount(reference),
    systemChapters: chapters.length,
    system: pair(reference, hypothesis),
    oneChapter: pair(reference, oneSegmentLabels(reference.length)),
    equalChapters: pair(reference, equalDurationLabels(starts, segmentCount(reference), startMs, endMs)),
    cpuMs: (used.user + used.system) / 1000,
    titles,
  };
}

/** Imports and scores every `<id>.vtt` with its `<id>.truth.json` in `dir`. */
export async function evaluateChapters(dir: string, ids: readonly string[]): Promise<ChapterMeetingScore[]> {
  const split = chapterSplit(ids);
  const scores: ChapterMeetingScore[] = [];
  for (const id of ids) {
    const transcript = await importTranscript(readFileSync(join(dir, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
    const truth = MeetingTruthSchema.parse(JSON.parse(readFileSync(join(dir, `${id}.truth.json`), 'utf8')));
    scores.push(scoreChapters(transcript, truth, split.get(id) ?? 'tune'));
  }
  return scores;
}
