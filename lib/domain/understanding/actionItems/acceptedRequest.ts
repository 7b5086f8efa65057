import type { Utterance } from '../../transcript/schema.js';
import { splitSentences } from '../text/splitSentences.js';

// "I will, yeah.", "Sure, I can do that.", "Will do.": taking on what was just asked, in so many words.
const ACCEPTANCE =
  /^(?:(?:yeah|yes|yep|sure|okay|ok|right|alright|fine|of course)[,.!]?\s+)*(?:I(?:'ll| will| can| shall)(?: do (?:it|that|so)| take (?:it|that|care of (?:it|that)))?|will do|I'm on it)(?:[,.!]?\s+(?:yeah|yes|sure|okay|no problem|definitely))*[.!]?$/i;
// A sentence that asks someone to do something: "are you submitting ...", "can you ...", "will you ...",
// or advises it ("this is a test that you should do", "you might wanna look at ...", "why don't you ...").
const ASKS_SOMEONE =
  /\b(?:are you|can you|could you|will you|would you|do you want to|is someone|who(?:'s| is| will)|you (?:should|ought to|need to|have to|must)|you(?: might| may)? (?:want to|wanna)|why don't you|maybe you (?:could|can))\b/i;
const LOOK_BACK_TURNS = 8;

/**
 * When a short reply takes on a request ("I will, yeah."), the request it answers: the latest
 * sentence by someone else, a few turns back, that asks someone to do something. Null when the
 * reply is not an acceptance or nothing was asked.
 */
export function acceptedRequest(reply: string, utterances: readonly Utterance[], replyIn: number): { utteranceIndex: number; request: string } | null {
  if (!ACCEPTANCE.test(reply.trim())) return null;
  const replier = utterances[replyIn]?.speakerId;
  for (let index = replyIn - 1; index >= Math.max(0, replyIn - LOOK_BACK_TURNS); index--) {
    const utterance = utterances[index];
    if (utterance === undefined || utterance.speakerId === replier) continue;
    const request = splitSentences(utterance.text).reverse().find((sentence) => ASKS_SOMEONE.test(sentence));
    if (request !== undefined) return { utteranceIndex: index, request };
  }
  return null;
}
