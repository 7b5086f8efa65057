import type { Transcript } from '../transcript/schema.js';
import { matchAction, type ActionMatch } from './actionItems/actionPatterns.js';
import { dedupeActionItems } from './actionItems/dedupeActionItems.js';
import { findDueDate } from './actionItems/findDueDate.js';
import { isActionable } from './actionItems/isActionable.js';
import { peopleOf, type People } from './people.js';
import type { ActionItem } from './schema.js';
import { trimDiscourseMarkers } from './text/trimDiscourseMarkers.js';
import { transcriptSentences } from './transcriptSentences.js';

export interface ExtractActionItemsOptions {
  /** When the meeting took place: "Friday" and "next week" are resolved from it. */
  meetingDate: Date;
}

// Longer sentences are cut to the action itself, so that the item stays readable.
const MAX_ITEM_WORDS = 25;

function ownerOf(match: ActionMatch, speakerName: string | null, people: People): string | null {
  if (match.kind === 'commitment' || match.kind === 'offer') return speakerName;
  return match.named === null ? null : people.displayName(match.named);
}

function itemText(sentence: string, match: ActionMatch): string {
  const whole = trimDiscourseMarkers(sentence);
  if (whole.split(/\s+/).length <= MAX_ITEM_WORDS) return whole;
  const words = sentence.slice(match.start).split(/\s+/);
  const cut = words.slice(0, MAX_ITEM_WORDS).join(' ');
  return trimDiscourseMarkers(words.length > MAX_ITEM_WORDS ? `${cut}…` : cut);
}

/**
 * Action items said in a meeting: commitments ("I'll send the specs by Friday"), requests ("David,
 * can you look into the battery?"), assignments ("Sarah will book the room"), group obligations
 * ("we need to ...", "let's ...", "make sure ...") and explicit ones ("action item: ..."). Rules
 * favour precision: questions that are not requests, hypotheticals, negations, the meeting's own
 * business ("let me show you") and fragments with too few content words are dropped, and repeats
 * are merged. Owner: the speaker for a commitment, the person named or addressed otherwise, else
 * null. Due date: the first day named in the sentence, resolved against `meetingDate`.
 * Items are in spoken order and carry no ids: those are given once the draft is grounded.
 */
export function extractActionItems(transcript: Transcript, options: ExtractActionItemsOptions): Omit<ActionItem, 'id'>[] {
  const people = peopleOf(transcript);
  const speakerNames = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const found: Omit<ActionItem, 'id'>[] = [];
  for (const sentence of transcriptSentences(transcript)) {
    const match = matchAction(sentence.clean, people);
    if (match === null || !isActionable(sentence.clean, match)) continue;
    const due = findDueDate(sentence.clean, options.meetingDate);
    found.push({
      text: itemText(sentence.clean, match),
      owner: ownerOf(match, speakerNames.get(sentence.speakerId) ?? null, people),
      dueDate: due?.date ?? null,
      dueText: due?.text ?? null,
      utteranceIds: [sentence.utteranceId],
      startMs: sentence.startMs,
    });
  }
  return dedupeActionItems(found);
}
