import type { Transcript } from '../transcript/schema.js';
import { chapterTitles } from './chapters/chapterTitles.js';
import { fitConcentration } from './chapters/dirichletEvidence.js';
import { floorTokens } from './chapters/floorTokens.js';
import { optimalSegmentation } from './chapters/optimalSegmentation.js';
import { opensTopic } from './chapters/topicCues.js';
import type { Chapter } from './schema.js';
import { contentTerms } from './text/contentTerms.js';

/**
 * The segmenter's few settings. The defaults were chosen on the tuning two thirds of the reference
 * meetings (`npm run eval` prints the held-out third beside them); tests and the evaluation may
 * pass others.
 */
export interface ChapterSettings {
  /** No chapter is shorter than this (or than `minChapterShare` of a short meeting): a shorter stretch is a digression, not a chapter. */
  minChapterMs: number;
  /**
   * In a meeting too short for two chapters of `minChapterMs` (a three-minute kickoff), a chapter
   * may be as short as this share of the meeting, so a short meeting can still have two topics.
   */
  minChapterShare: number;
  /**
   * Prior on the word distributions' concentration (log-normal: median, spread in nats of log
   * alpha). A long meeting's own words decide it; a short one says too little about which words
   * are bursty (its fit runs off to "all words equally likely", which never splits), so it falls back towards the median.
   */
  concentrationPrior: { median: number; spread: number };
  /** Weight of the floor stream (who holds the floor) against the words. */
  floorWeight: number;
  /** Nats per boundary, as a multiple of log(utterances): the price of naming where it falls, and a bit more. */
  boundaryCostScale: number;
  /** Nats a boundary saves when a topic-opening phrase is said at it (the utterance before, at or after). */
  cueBonus: number;
}

export const DEFAULT_CHAPTER_SETTINGS: ChapterSettings = {
  minChapterMs: 2 * 60_000,
  minChapterShare: 1 / 4,
  floorWeight: 2,
  boundaryCostScale: 1.2,
  cueBonus: 12,
  concentrationPrior: { median: 1.8, spread: 0.5 },
};

/**
 * Splits a meeting into chapters: the most probable segmentation of the utterances when every
 * chapter has its own distribution over content words (stemmed, stopwords and fillers removed)
 * and over who holds the floor (Utiyama and Isahara 2001, with Dirichlet-multinomial evidence as
 * in Eisenstein and Barzilay 2008), found exactly by dynamic programming over utterance
 * boundaries. Each boundary pays 1.2 × log(utterances) nats, the cost of naming where it falls, less a
 * bonus where someone says a topic-opening phrase ("let's move on to", "the next item", "your
 * presentation"); no chapter is shorter than two minutes, or than a quarter of a meeting shorter
 * than eight. So the number of chapters follows the meeting: a single-topic meeting stays one
 * chapter, a meeting of several presentations and discussions gets one chapter each, and a
 * three-minute kickoff can still be introductions, then a first exercise. The word distributions'
 * concentration is fitted to the meeting itself, drawn towards a typical value when the meeting
 * is too short to tell.
 *
 * Chapters cover every utterance, in order, without gaps; each cites all of its utterances (not
 * just the first and last). They carry no ids: those are given once the draft is grounded.
 */
export function segmentChapters(transcript: Transcript, settings: ChapterSettings = DEFAULT_CHAPTER_SETTINGS): Omit<Chapter, 'id'>[] {
  const utterances = transcript.utterances;
  if (utterances.length === 0) return [];

  const vocabulary = new Map<string, number>();
  const wordIdsByUtterance = utterances.map((utterance) =>
    contentTerms(utterance.text).map((term) => {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(term, id);
      }
      return id;
    }),
  );
  const floor = floorTokens(utterances);
  const cue = utterances.map((utterance) => opensTopic(utterance.text));
  const cueNear = (start: number): boolean => cue[start - 1] === true || cue[start] === true || cue[start + 1] === true;
  const baseCost = settings.boundaryCostScale * Math.log(utterances.length);
  const meetingMs = Math.max(...utterances.map((utterance) => utterance.endMs)) - (utterances[0]?.startMs ?? 0);

  const starts = optimalSegmentation({
    timing: utterances,
    streams: [
      { tokens: wordIdsByUtterance, vocabularySize: vocabulary.size, alpha: fitConcentration(wordIdsByUtterance.flat(), vocabulary.size, settings.concentrationPrior), weight: 1 },
      { tokens: floor.tokens, vocabularySize: floor.vocabularySize, alpha: 1, weight: settings.floorWeight },
    ],
    boundaryCost: (start) => baseCost - (cueNear(start) ? settings.cueBonus : 0),
    minSegmentMs: Math.min(settings.minChapterMs, meetingMs * settings.minChapterShare),
  });

  const ranges = starts.map((first, i) => ({ first, last: (starts[i + 1] ?? utterances.length) - 1 }));
  const titles = chapterTitles(transcript, ranges);
  return ranges.map((range, i) => {
    const chapterUtterances = utterances.slice(range.first, range.last + 1);
    return {
      title: titles[i] ?? `Part ${i + 1}`,
      startMs: chapterUtterances[0]?.startMs ?? 0,
      endMs: Math.max(...chapterUtterances.map((utterance) => utterance.endMs)),
      utteranceIds: chapterUtterances.map((utterance) => utterance.id),
    };
  });
}
