import type { Speaker } from '../../transcript/schema.js';

export interface SpeakerMention {
  speakerId: string;
  start: number;
  end: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A role is said shorter or longer than it is displayed: "Industrial Design" for "Industrial Designer",
// "marketing executive" for "Marketing". Each word may lose or gain its ending past its first five letters.
const STEM_LETTERS = 5;
const wordPattern = (word: string): string => (word.length > STEM_LETTERS ? `${escape(word.slice(0, STEM_LETTERS))}\\w*` : escape(word));
// Words people add to a role when they address someone by it.
const ROLE_TAIL = '(?:\\s+(?:designer|executive|expert|manager|person|guy|people|team))?';

/** A speaker's display name as words, without brackets (ridings, portfolios). */
const nameWords = (speaker: Speaker): string[] => speaker.name.replace(/\s*\(.*$/, '').trim().split(/\s+/).filter(Boolean);

/**
 * Where participants are named by their display name (often a role in recorded meetings) in a
 * sentence, in order. `capitalised`: only mentions whose first letter is a capital, so that "User
 * Interface, the user interface concept" names the person once, not the topic.
 */
export function speakerMentions(sentence: string, speakers: readonly Speaker[], options: { capitalised: boolean }): SpeakerMention[] {
  const mentions: SpeakerMention[] = [];
  for (const speaker of speakers) {
    const words = nameWords(speaker);
    if (words.length === 0) continue;
    const pattern = new RegExp(`\\b${words.map(wordPattern).join('\\s+')}${ROLE_TAIL}\\b`, 'gi');
    for (const match of sentence.matchAll(pattern)) {
      if (options.capitalised && !/^\p{Lu}/u.test(match[0])) continue;
      mentions.push({ speakerId: speaker.id, start: match.index, end: match.index + match[0].length });
    }
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end).filter((m, n, all) => n === 0 || m.start >= (all[n - 1]?.end ?? 0));
}

/**
 * The participant a request is put to by name or role just before it: "as the industrial designer,
 * you're gonna be working on ...", "marketing executive, you'll be thinking about ...", "Tom, you'll ...".
 */
export function addressedBefore(before: string, speakers: readonly Speaker[]): string | null {
  const clause = /(?:^|[,.;:!?]\s*)((?:(?:and|so|then|now|as|for)\s+)*(?:(?:the|our|my)\s+)?[^,.;:!?]{2,60}),\s*(?:(?:and|so|then|now)\s*,?\s*)*$/i.exec(before);
  if (clause?.[1] === undefined) return null;
  const words = clause[1].replace(/^(?:(?:and|so|then|now|as|for)\s+)*(?:(?:the|our|my)\s+)?/i, '');
  const mentions = speakerMentions(words, speakers, { capitalised: false });
  // The whole clause must be the name: "and marketing executive," names; "the market is tough," does not.
  const only = mentions.length === 1 ? mentions[0] : undefined;
  return only !== undefined && only.start === 0 && words.slice(only.end).trim() === '' ? only.speakerId : null;
}
