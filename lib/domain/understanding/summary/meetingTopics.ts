import { phraseOccurrences } from '../chapters/keyPhrases.js';
import type { TranscriptSentence } from '../transcriptSentences.js';

export interface MeetingTopic {
  /** As people said it most often. */
  phrase: string;
  /** The first utterance that names it. */
  utteranceId: string;
}

/**
 * What a meeting was about: the key phrases said most often (a two-word phrase counts for more
 * than its words apart, as in RAKE), none sharing a word with a better one. Names of the people
 * present are not topics.
 */
export function meetingTopics(
  sentences: readonly TranscriptSentence[],
  count: number,
  excludedTokens: ReadonlySet<string>,
  keepCase: (word: string) => boolean,
): MeetingTopic[] {
  const byKey = new Map<string, { surfaces: Map<string, number>; count: number; length: number; utteranceId: string }>();
  for (const sentence of sentences) {
    for (const occurrence of phraseOccurrences(sentence.clean, excludedTokens)) {
      let entry = byKey.get(occurrence.key);
      if (entry === undefined) {
        entry = { surfaces: new Map(), count: 0, length: occurrence.length, utteranceId: sentence.utteranceId };
        byKey.set(occurrence.key, entry);
      }
      entry.count += 1;
      // Capitals that only open a sentence go; names and acronyms stay.
      const surface = occurrence.surface
        .split(' ')
        .map((word) => (/^\p{Lu}\p{Ll}/u.test(word) && !keepCase(word) ? word.toLowerCase() : word))
        .join(' ');
      entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
    }
  }
  // A phrase said once or twice is not what a meeting was about.
  const ranked = [...byKey.entries()]
    .filter(([, entry]) => entry.count >= 3)
    .map(([key, entry]) => ({ key, entry, score: entry.count * Math.sqrt(entry.length) }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const topics: MeetingTopic[] = [];
  const usedStems = new Set<string>();
  for (const { key, entry } of ranked) {
    if (topics.length >= count) break;
    const stems = key.split(' ');
    if (stems.some((stem) => usedStems.has(stem))) continue;
    const phrase = [...entry.surfaces.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
    // A capitalised word that is a name after all ("Laura") is a person, not a topic.
    if (phrase.split(' ').some((word) => /^\p{Lu}\p{Ll}/u.test(word))) continue;
    stems.forEach((stem) => usedStems.add(stem));
    topics.push({ phrase, utteranceId: entry.utteranceId });
  }
  return topics;
}
