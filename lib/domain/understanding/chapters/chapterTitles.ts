import type { Transcript } from '../../transcript/schema.js';
import { peopleOf } from '../people.js';
import { GENERIC_WORDS } from '../text/stopwords.js';
import { wordsOf } from '../text/tokenize.js';
import { phraseOccurrences } from './keyPhrases.js';

interface PhraseStats {
  count: number;
  length: number;
  surfaces: Map<string, number>;
}

/** A chapter of the transcript as its first and last utterance index. */
export interface UtteranceRange {
  first: number;
  last: number;
}

const MIN_OCCURRENCES = 2;
const MAX_PHRASES_IN_TITLE = 2;

function countPhrases(texts: readonly string[], excluded: ReadonlySet<string>): Map<string, PhraseStats> {
  const stats = new Map<string, PhraseStats>();
  for (const text of texts) {
    for (const occurrence of phraseOccurrences(text, excluded)) {
      const entry = stats.get(occurrence.key) ?? { count: 0, length: occurrence.length, surfaces: new Map() };
      entry.count++;
      entry.surfaces.set(occurrence.surface, (entry.surfaces.get(occurrence.surface) ?? 0) + 1);
      stats.set(occurrence.key, entry);
    }
  }
  return stats;
}

// "Canadians" and "Canada" stem apart but would make a title that says one thing twice.
const SAME_WORD_PREFIX = 5;
const sameWord = (a: string, b: string): boolean =>
  a === b || (a.length >= SAME_WORD_PREFIX && b.length >= SAME_WORD_PREFIX && a.slice(0, SAME_WORD_PREFIX) === b.slice(0, SAME_WORD_PREFIX));

const mostCommonSurface = (surfaces: Map<string, number>): string =>
  [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

/**
 * A title for each chapter from its key phrases: phrases said often in the chapter and rarely
 * elsewhere (count in chapter × share of the meeting's uses that fall in the chapter), longer
 * phrases preferred because "remote control" says more than "remote". The best one or two phrases
 * that share no word are joined, e.g. "Remote control and buttons". Speakers' names and generic
 * words ("important", "idea") are left out: a title should say what was discussed.
 */
export function chapterTitles(transcript: Transcript, ranges: readonly UtteranceRange[]): string[] {
  // Names only: "Marketing" or "User Interface" may label a speaker but are topics too.
  const people = peopleOf(transcript);
  const speakerNames = transcript.speakers.flatMap((speaker) => wordsOf(speaker.name)).filter(people.couldBeName);
  const excluded = new Set([...GENERIC_WORDS, ...speakerNames.map((name) => name.toLowerCase())]);
  const texts = transcript.utterances.map((utterance) => utterance.text);
  const meeting = countPhrases(texts, excluded);

  return ranges.map((range, chapterIndex) => {
    const chapter = countPhrases(texts.slice(range.first, range.last + 1), excluded);
    const ranked = [...chapter.entries()]
      .map(([key, stats]) => {
        const share = stats.count / (meeting.get(key)?.count ?? stats.count);
        return { key, stats, score: stats.count * share * stats.length };
      })
      .sort((a, b) => b.score - a.score || b.stats.length - a.stats.length || a.key.localeCompare(b.key));
    const frequent = ranked.filter((phrase) => phrase.stats.count >= MIN_OCCURRENCES);
    const pool = frequent.length > 0 ? frequent : ranked;

    const picked: string[] = [];
    const usedStems: string[] = [];
    for (const phrase of pool) {
      if (picked.length >= MAX_PHRASES_IN_TITLE) break;
      const stems = phrase.key.split(' ');
      if (stems.some((stem) => usedStems.some((used) => sameWord(stem, used)))) continue;
      usedStems.push(...stems);
      picked.push(mostCommonSurface(phrase.stats.surfaces));
    }
    const title = picked.join(' and ');
    return title.length > 0 ? title.charAt(0).toUpperCase() + title.slice(1) : `Part ${chapterIndex + 1}`;
  });
}
