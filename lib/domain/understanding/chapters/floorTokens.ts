import type { Utterance } from '../../transcript/schema.js';
import { wordsOf } from '../text/tokenize.js';

/** A turn this long holds the floor (a presentation, an answer); shorter ones are back-and-forth. */
export const FLOOR_TURN_WORDS = 10;

/**
 * Who holds the floor, one token per utterance: the speaker of a turn of at least
 * FLOOR_TURN_WORDS words, or one shared "exchange" token for a short turn. A presentation is a
 * run of one speaker's tokens, a discussion a mix of exchange tokens, so a segment whose floor
 * pattern is its own — a new presenter, a new questioner, a switch from talk to debate — is more
 * probable as its own chapter. Returns the tokens and the vocabulary size (speakers + 1).
 */
export function floorTokens(utterances: readonly Utterance[]): { tokens: number[][]; vocabularySize: number } {
  const speakerIds = new Map<string, number>();
  for (const utterance of utterances) if (!speakerIds.has(utterance.speakerId)) speakerIds.set(utterance.speakerId, speakerIds.size);
  const exchange = speakerIds.size;
  const tokens = utterances.map((utterance) => [
    wordsOf(utterance.text).length >= FLOOR_TURN_WORDS ? (speakerIds.get(utterance.speakerId) ?? exchange) : exchange,
  ]);
  return { tokens, vocabularySize: speakerIds.size + 1 };
}
