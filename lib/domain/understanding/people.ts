import type { Transcript } from '../transcript/schema.js';
import type { NameTest } from './actionItems/actionPatterns.js';
import { isStopword } from './text/stopwords.js';
import { splitSentences } from './text/splitSentences.js';
import { wordsOf } from './text/tokenize.js';

export interface People extends NameTest {
  /** The speaker a name refers to, by display name; the name itself if no speaker matches. */
  displayName(name: string): string;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word);

// "I'm David", "my name is Sarah": a name someone goes by.
const INTRODUCED = /\b(?:I'm|I am|[Mm]y name is|[Nn]ame's|[Tt]his is|[Cc]all me)\s+(\p{Lu}\p{Ll}+)/gu;
// "Thanks, Janet", "over to you, Raj", "David, can you ...": someone addressed by name.
const ADDRESSED =
  /\b(?:[Tt]hank you|[Tt]hanks|[Hh]i|[Hh]ello|[Oo]ver to you|[Gg]o ahead|[Ww]elcome)\s*,?\s+(\p{Lu}\p{Ll}+)\b|^(\p{Lu}\p{Ll}+),\s+(?:can|could|would|will|do|did|are|is|have|you|what|how|why|please)\b/gu;
// Neither pattern has the i flag: with it, \p{Lu} would match lower case too.

/**
 * The people of a meeting. A word can be a name if the transcript always capitalises it, even
 * mid-sentence, and it is not a common word; it is a known name if it is part of a speaker's
 * display name or someone is introduced or addressed by it.
 */
export function peopleOf(transcript: Transcript): People {
  const seenLowerCase = new Set<string>();
  for (const utterance of transcript.utterances) {
    for (const word of wordsOf(utterance.text)) if (!isCapitalised(word)) seenLowerCase.add(word.toLowerCase());
  }
  const couldBeName = (word: string): boolean =>
    isCapitalised(word) && !seenLowerCase.has(word.toLowerCase()) && !isStopword(word.toLowerCase());

  const known = new Set<string>();
  for (const speaker of transcript.speakers) {
    // Brackets hold ridings and portfolios ("(Minister of Health)"), not the person's name.
    for (const word of wordsOf(speaker.name.replace(/\(.*$/, ''))) if (couldBeName(word)) known.add(word);
  }
  for (const utterance of transcript.utterances) {
    for (const sentence of splitSentences(utterance.text)) {
      for (const match of sentence.matchAll(INTRODUCED)) if (match[1] && couldBeName(match[1])) known.add(match[1]);
      for (const match of sentence.matchAll(ADDRESSED)) {
        const name = match[1] ?? match[2];
        if (name && couldBeName(name)) known.add(name);
      }
    }
  }

  // Shortest first, so "Mrs. Karen Vecchio" wins over the same person with her riding in brackets.
  const speakersByLength = [...transcript.speakers].sort((a, b) => a.name.length - b.name.length);
  return {
    couldBeName,
    isKnownName: (word) => known.has(word),
    displayName: (name) => {
      const wanted = wordsOf(name).map((word) => word.toLowerCase());
      const speaker = speakersByLength.find((candidate) => {
        const words = new Set(wordsOf(candidate.name.replace(/\(.*$/, '')).map((word) => word.toLowerCase()));
        return wanted.every((word) => words.has(word));
      });
      return speaker?.name ?? name;
    },
  };
}
