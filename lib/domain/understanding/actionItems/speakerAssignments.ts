import type { Speaker } from '../../transcript/schema.js';

export interface SpeakerAssignment {
  speakerId: string;
  /** Where the speaker's name starts in the sentence. */
  start: number;
  action: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MODAL = "(?:'ll|\\s+will|\\s+is going to|\\s+is gonna|\\s+needs to|\\s+has to|\\s+should|\\s+can)";
// Speaker names that are roles read as ordinary words ("marketing will be key"): only a name of two words or more counts.
const MIN_NAME_WORDS = 2;

/**
 * Work given to a participant by their display name, which is often a role in recorded meetings:
 * "the Industrial Designer will do the components concept", and the list that goes on in the same
 * sentence ("..., the User Interface Designer the interface concept"). Names of one word are left
 * to the name rules (they need to be known names, not just capitalised words).
 */
export function speakerAssignments(sentence: string, speakers: readonly Speaker[]): SpeakerAssignment[] {
  const named = speakers
    .map((speaker) => ({ speaker, name: speaker.name.replace(/\s*\(.*$/, '').trim() }))
    .filter(({ name }) => name.split(/\s+/).length >= MIN_NAME_WORDS);
  const mentions = named
    .flatMap(({ speaker, name }) =>
      [...sentence.matchAll(new RegExp(`\\b${escape(name)}(?:\\s+[Dd]esigner)?\\b`, 'g'))].map((m) => ({ speakerId: speaker.id, start: m.index, end: m.index + m[0].length })),
    )
    .sort((a, b) => a.start - b.start);
  const first = mentions.findIndex((mention) => new RegExp(`^${MODAL}\\s+\\S`, 'i').test(sentence.slice(mention.end)));
  if (first < 0) return [];
  // The first mention carries the verb; those after it in the same sentence share it.
  return mentions.slice(first).map((mention, n, all) => {
    const next = all[n + 1]?.start ?? sentence.length;
    const action = sentence.slice(mention.end, next).replace(new RegExp(`^${MODAL}\\s+`, 'i'), '').replace(/[,;\s]*(?:and\s*)?(?:the\s*)?$/i, '').trim();
    return { speakerId: mention.speakerId, start: mention.start, action };
  });
}
