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
  /** No chapter is shorter than this: a shorter stretch is a digression, not a chapter. */
  minChapterMs: number;
  /** Weight of the floor stream (who holds the floor) against the words. */
  floorWeight: number;
  /** Nats a boundary saves when a topic-opening phrase is said at it (the utterance before, at or after). */
  cueBonus: number;
}

export const DEFAULT_CHAPTER_SETTINGS: ChapterSettings = { minChapterMs: 2 * 60_000, floorWeight: 2, cueBonus: 10 };

/**
 * Splits a meeting into chapters: the most probable segmentation of the utterances when every
 * chapter has its own distribution over content words (stemmed, stopwords and fillers removed)
 * and over who holds the floor (Utiyama and Isahara 2001, with Dirichlet-multinomial evidence as
 * in Eisenstein and Barzilay 2008), found exactly by dynamic programming over utterance
 * boundaries. Each boundary pays log(utterances) nats, the cost of naming where it falls, less a
 * bonus where someone says a topic-opening phrase ("let's move on to", "the next item", "your
 * presentation"); no chapter is shorter than two minutes. So the number of chapters follows the
 * meeting: a short or single-topic meeting stays one chapter, a meeting of several presentations
 * and discussions gets one chapter each. The word distributions' concentration is fitted to the
 * meeting itself.
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
  const baseCost = Math.log(utterances.length);

  const starts = optimalSegmentation({
    timing: utterances,
    streams: [
      { tokens: wordIdsByUtterance, vocabularySize: vocabulary.size, alpha: fitConcentration(wordIdsByUtterance.flat(), vocabulary.size), weight: 1 },
      { tokens: floor.tokens, vocabularySize: floor.vocabularySize, alpha: 1, weight: settings.floorWeight },
    ],
    boundaryCost: (start) => baseCost - (cueNear(start) ? settings.cueBonus : 0),
    minSegmentMs: settings.minChapterMs,
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
