import type { Transcript } from '../../transcript/schema.js';
import { peopleOf } from '../people.js';
import { GENERIC_WORDS } from '../text/stopwords.js';
import { contentTerms } from '../text/contentTerms.js';
import { wordsOf } from '../text/tokenize.js';
import { announcedTopic } from './announcedTopic.js';
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
const MIN_SINGLE_WORD_OCCURRENCES = 4;
// Nouns said in every meeting about anything: a title made of one of them names no topic.
const VAGUE_NOUNS = [
  'people', 'person', 'part', 'parts', 'percent', 'unit', 'units', 'way', 'ways', 'time', 'times', 'point', 'points', 'number',
  'numbers', 'problem', 'problems', 'case', 'cases', 'event', 'events', 'work', 'today', 'day', 'days', 'week', 'year', 'years',
  'minutes', 'meeting', 'action', 'note', 'notes', 'morning', 'afternoon', 'evening', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'madam', 'sir', 'member', 'members', 'honourable', 'colleague', 'colleagues',
];
/** Where a chapter's topic gets announced: the utterance before it (the chair's hand-over) and its first few. */
const OPENING_UTTERANCES = 6;
/** An announced topic names the chapter only if a word of it recurs this often in the chapter. */
const MIN_ANNOUNCED_TERM_USES = 3;

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

const mostCommonSurface = (surfaces: Map<string, number>): string =>
  [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

/** A phrase with its first letter upper-cased, as a title starts. */
const asTitle = (phrase: string): string => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/**
 * The topic someone announced as the chapter opened ("let's move on to the remote control
 * budget"), if the chapter then talks about it: one of its words recurs in the chapter.
 */
function openingAnnouncement(texts: readonly string[], range: UtteranceRange, excluded: ReadonlySet<string>): string | null {
  const uses = new Map<string, number>();
  for (const text of texts.slice(range.first, range.last + 1)) for (const term of contentTerms(text)) uses.set(term, (uses.get(term) ?? 0) + 1);
  const opening = texts.slice(Math.max(0, range.first - 1), Math.min(range.last + 1, range.first + OPENING_UTTERANCES));
  for (const text of opening) {
    const topic = announcedTopic(text);
    if (topic === null) continue;
    if (wordsOf(topic).some((word) => excluded.has(word.toLowerCase()))) continue;
    if (contentTerms(topic).some((term) => (uses.get(term) ?? 0) >= MIN_ANNOUNCED_TERM_USES)) return topic;
  }
  return null;
}

/**
 * A title for each chapter, as a person would write it: a short noun phrase naming the topic.
 * First choice is the topic someone announced as the chapter opened ("moving on to the remote
 * control budget" gives "Remote control budget"), when the chapter goes on to talk about it.
 * Otherwise the chapter's key phrase: the phrase said often in the chapter and rarely elsewhere
 * (count in chapter × share of the meeting's uses that fall in the chapter), longer phrases
 * preferred because "remote control" says more than "remote". Speakers' names and generic words
 * ("important", "idea") are left out: a title should say what was discussed.
 */
export function chapterTitles(transcript: Transcript, ranges: readonly UtteranceRange[]): string[] {
  // Names only: "Marketing" or "User Interface" may label a speaker but are topics too.
  const people = peopleOf(transcript);
  const speakerNames = transcript.speakers.flatMap((speaker) => wordsOf(speaker.name)).filter(people.couldBeName);
  const excluded = new Set([...GENERIC_WORDS, ...VAGUE_NOUNS, ...speakerNames.map((name) => name.toLowerCase())]);
  const texts = transcript.utterances.map((utterance) => utterance.text);
  const meeting = countPhrases(texts, excluded);

  return ranges.map((range, chapterIndex) => {
    const announced = openingAnnouncement(texts, range, excluded);
    if (announced !== null) return asTitle(announced);
    const chapter = countPhrases(texts.slice(range.first, range.last + 1), excluded);
    // How much each word sets this chapter apart: its uses here × the share of the meeting's uses that fall here.
    const distinctive = (key: string): number => {
      const count = chapter.get(key)?.count ?? 0;
      return (count * count) / (meeting.get(key)?.count ?? Math.max(1, count));
    };
    // A phrase is worth the words it names, and more the more often it was said that way.
    const ranked = [...chapter.entries()]
      .map(([key, stats]) => ({ key, stats, score: key.split(' ').reduce((sum, word) => sum + distinctive(word), 0) * Math.sqrt(stats.count) }))
      .sort((a, b) => b.score - a.score || b.stats.length - a.stats.length || a.key.localeCompare(b.key));
    // A single word must be said a few times to carry a title; it is too often a verb said in passing ("read").
    const frequent = ranked.filter((phrase) => phrase.stats.count >= (phrase.stats.length > 1 ? MIN_OCCURRENCES : MIN_SINGLE_WORD_OCCURRENCES));
    const top = (frequent.length > 0 ? frequent : ranked)[0];
    // "Buttons" alone says less than the longer phrase the chapter kept saying it in ("rubber buttons"),
    // or than a phrase of several words that sets the chapter apart nearly as well.
    const longer =
      top === undefined || top.stats.length > 1
        ? undefined
        : frequent.find((phrase) => phrase.stats.length > 1 && (phrase.key.split(' ').includes(top.key) || phrase.score >= top.score / 2));
    const best = longer ?? top;
    return best === undefined ? `Part ${chapterIndex + 1}` : asTitle(mostCommonSurface(best.stats.surfaces));
  });
}
