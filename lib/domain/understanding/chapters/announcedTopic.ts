import { cleanDisfluencies } from '../text/cleanDisfluencies.js';
import { wordsOf } from '../text/tokenize.js';

// "let's talk about X", "moving on to X", "questions now on X", "my presentation on X": the words
// after these name what the speaker is opening.
const ANNOUNCEMENT =
  /\b(?:talk(?:ing)? about|discuss(?:ing)?|mov(?:e|ing) on to|go(?:ing)? on (?:now )?to|turn(?:ing)? (?:now )?to|questions?(?: now)? (?:on|about)|presentation (?:on|about)|next (?:item|thing|topic|point) (?:is|on the agenda is)|come back to|focus on)\s+(.+)/i;
// Where the topic's noun phrase ends: a clause break, or a word that starts something else.
const PHRASE_END = /[,.;:!?—–()]|\s-\s|\b(?:from|which|that|because|so|if|when|where|whether|how|now|then|first|please|today|here|there|i|we|you|they|he|she|it|is|are|was|were|will|would|can|could|should|and then|but|or|as well|yeah|okay|right)\b/i;
const LEADING_WORDS = /^(?:(?:with|on|in|for|to|of|at|the|a|an|next|last|first|our|your|their|my|his|her|this|these|those|some|all|about|a little|a bit|bit|little|kind of|sort of|just|also|more|again|um|uh)\s+)+/i;
const TRAILING_WORDS = /(?:\s+(?:of|on|in|into|onto|from|than|like|as|for|to|and|the|a|an|with|about|at|by|our|your|their|some|this|these|those))+$/i;
const MAX_TITLE_WORDS = 6;
// Announcing one of these names the meeting's machinery, not its topic ("moving on to the next slide").
const PROCEDURAL = /^(?:presentation|presentations|slide|slides|item|items|point|points|topic|topics|thing|things|question|questions|agenda|one|part|step)$/i;

/**
 * The topic a speaker announces in an utterance ("So let's move on to the remote control budget"
 * gives "remote control budget"), cleaned of fillers and restarts; null when the utterance
 * announces nothing or the words that follow are not a short phrase.
 */
export function announcedTopic(text: string): string | null {
  const match = ANNOUNCEMENT.exec(cleanDisfluencies(text));
  const rest = match?.[1];
  if (rest === undefined) return null;
  const end = PHRASE_END.exec(rest);
  const phrase = (end === null ? rest : rest.slice(0, end.index)).trim().replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '').trim();
  const words = wordsOf(phrase);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS || PROCEDURAL.test(phrase)) return null;
  return phrase;
}
