import type { Speaker } from '../../transcript/schema.js';
import { isContentToken } from '../text/contentTerms.js';
import { tokenize } from '../text/tokenize.js';
import type { SpeakerAssignment } from './speakerAssignments.js';
import { speakerMentions } from './speakerMentions.js';

// "You each have individual actions: ...", "your tasks for next time: ...": a list of work follows.
const LIST_CUE = /\b(?:individual|personal|your|the|our)\s+(?:actions?|action items|tasks?|assignments?|homework|jobs?|to-?dos?)\b(?:\s+(?:are|is|for (?:next time|the next meeting)))?\s*[,:]/i;
// What joins a name to its task in such a list: "Industrial Design you've your components concept".
const LINK = /^[\s,:–-]*(?:(?:you(?:'ve| have| get| do)?|gets?|has|have|does|is on|on)\s+)?(?:(?:your|the|his|her|their)\s+)?/i;

/**
 * Work handed out as a list after a cue ("you each have individual actions, Industrial Design your
 * components concept, User Interface the user interface concept"): each participant named (by a
 * capitalised display name or role) gets the words up to the next name.
 */
export function listedAssignments(sentence: string, speakers: readonly Speaker[]): SpeakerAssignment[] {
  const cue = LIST_CUE.exec(sentence);
  if (!cue) return [];
  const listStart = cue.index + cue[0].length;
  const mentions = speakerMentions(sentence.slice(listStart), speakers, { capitalised: true });
  return mentions.flatMap((mention, n) => {
    const end = mentions[n + 1]?.start ?? sentence.length - listStart;
    const action = sentence.slice(listStart + mention.end, listStart + end).replace(LINK, '').replace(/[,;.\s]*(?:and\s*)?$/i, '').trim();
    if (tokenize(action).filter(isContentToken).length === 0) return [];
    return [{ speakerId: mention.speakerId, start: listStart + mention.start, action }];
  });
}
