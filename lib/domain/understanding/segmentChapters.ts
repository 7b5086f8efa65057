import type { Transcript } from '../transcript/schema.js';
import { chapterTitles } from './chapters/chapterTitles.js';
import { fitConcentration } from './chapters/dirichletEvidence.js';
import { optimalSegmentation } from './chapters/optimalSegmentation.js';
import type { Chapter } from './schema.js';
import { contentTerms } from './text/contentTerms.js';

/** No chapter is shorter than this: a shorter stretch is a digression, not a chapter. */
export const MIN_CHAPTER_MS = 3 * 60_000;

/**
 * Splits a meeting into chapters by lexical topic segmentation. Each chapter is modelled as its own
 * bag of content words (stemmed, stopwords and fillers removed) and the segmentation chosen is the
 * most probable one (Utiyama and Isahara 2001, with Dirichlet-multinomial evidence as in
 * Eisenstein and Barzilay 2008), found exactly by dynamic programming over utterance boundaries.
 * Over-segmenting is held back three ways: the evidence itself prefers fewer, larger chapters
 * unless the vocabulary really changes; each boundary pays log(utterances) nats, the cost of
 * naming where it falls; and no chapter is shorter than three minutes. So short meetings stay one
 * chapter and long ones get more. The concentration of the word distributions is fitted to the
 * meeting itself, so the method has no tuned constants beyond the minimum length.
 *
 * Chapters cover every utterance, in order, without gaps; each cites all of its utterances (not
 * just the first and last). They carry no ids: those are given once the draft is grounded.
 */
export function segmentChapters(transcript: Transcript): Omit<Chapter, 'id'>[] {
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

  const starts = optimalSegmentation(
    utterances.map((utterance, i) => ({ wordIds: wordIdsByUtterance[i] ?? [], startMs: utterance.startMs, endMs: utterance.endMs })),
    {
      vocabularySize: vocabulary.size,
      alpha: fitConcentration(wordIdsByUtterance.flat(), vocabulary.size),
      boundaryCost: Math.log(utterances.length),
      minSegmentMs: MIN_CHAPTER_MS,
    },
  );

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
