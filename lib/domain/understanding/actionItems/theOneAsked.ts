import type { Utterance } from '../../transcript/schema.js';

// How far ahead the answer to a request may come: a backchannel or two can sit in between.
const ANSWER_WITHIN_TURNS = 3;
// "Could you all ...", "each of you should ...": the request goes to everyone present.
const TO_EVERYONE = /\b(?:you all|all of you|each of you|every one of you|everyone|everybody|you guys)\b/i;

export type Addressee = { kind: 'person'; speakerId: string } | { kind: 'group' } | null;

/**
 * Who a request without a name is put to, from turn-taking: the one asked is the one who answers,
 * so the next speaker other than the asker (within a few turns) owns it. Said to "you all": the group.
 */
export function theOneAsked(sentence: string, utterances: readonly Utterance[], askedIn: number): Addressee {
  if (TO_EVERYONE.test(sentence)) return { kind: 'group' };
  const asker = utterances[askedIn]?.speakerId;
  for (const next of utterances.slice(askedIn + 1, askedIn + 1 + ANSWER_WITHIN_TURNS)) {
    if (next.speakerId !== asker && next.text.trim().length > 0) return { kind: 'person', speakerId: next.speakerId };
  }
  return null;
}
