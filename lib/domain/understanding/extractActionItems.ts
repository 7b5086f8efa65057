import type { Transcript } from '../transcript/schema.js';
import { acceptedRequest } from './actionItems/acceptedRequest.js';
import { actionMatches, type ActionMatch } from './actionItems/actionPatterns.js';
import { dedupeActionItems } from './actionItems/dedupeActionItems.js';
import { findDueDate } from './actionItems/findDueDate.js';
import { isActionable } from './actionItems/isActionable.js';
import { listedAssignments } from './actionItems/listedAssignments.js';
import { speakerAssignments } from './actionItems/speakerAssignments.js';
import { addressedBefore } from './actionItems/speakerMentions.js';
import { theOneAsked } from './actionItems/theOneAsked.js';
import { peopleOf, type People } from './people.js';
import type { ActionItem } from './schema.js';
import { cleanDisfluencies } from './text/cleanDisfluencies.js';
import { trimDiscourseMarkers } from './text/trimDiscourseMarkers.js';
import { transcriptSentences, type TranscriptSentence } from './transcriptSentences.js';

export interface ExtractActionItemsOptions {
  /** When the meeting took place: "Friday" and "next week" are resolved from it. */
  meetingDate: Date;
}

type Item = Omit<ActionItem, 'id'>;
type Owner = Pick<Item, 'owner' | 'ownerKind'>;

// Longer sentences are cut to the action itself, so that the item stays readable.
const MAX_ITEM_WORDS = 25;

const person = (owner: string | null | undefined): Owner => (owner === null || owner === undefined ? { owner: null } : { owner, ownerKind: 'person' });
const GROUP: Owner = { owner: null, ownerKind: 'group' };

function itemText(sentence: string, start: number): string {
  const whole = trimDiscourseMarkers(sentence);
  if (whole.split(/\s+/).length <= MAX_ITEM_WORDS) return whole;
  const words = sentence.slice(start).split(/\s+/);
  const cut = words.slice(0, MAX_ITEM_WORDS).join(' ');
  return trimDiscourseMarkers(words.length > MAX_ITEM_WORDS ? `${cut}…` : cut);
}

/**
 * Action items said in a meeting: commitments ("I'll send the specs by Friday"), requests ("David,
 * can you look into the battery?", "you'll be working on the interface"), assignments ("Sarah will
 * book the room", "the Industrial Designer will do the components concept"), group plans ("we need
 * to ...", "we'll ... by Thursday"), explicit ones ("action item: ...") and requests taken on in a
 * short reply ("I will, yeah."). Rules favour precision: questions that are not requests,
 * hypotheticals, negations, the meeting's own business ("next slide", "let me draw it") and
 * fragments with too few content words are dropped, and restatements are merged.
 * Owner: the speaker for a commitment; for a request the person named, else the one who answers
 * it (the next speaker); the group for "we"; null when nobody can be told.
 * Due date: the first deadline in the sentence, resolved against `meetingDate` when it names a day.
 * Items are in spoken order and carry no ids: those are given once the draft is grounded.
 */
export function extractActionItems(transcript: Transcript, options: ExtractActionItemsOptions): Item[] {
  const people = peopleOf(transcript);
  const speakerNames = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const nameOf = (speakerId: string): string | null => speakerNames.get(speakerId) ?? null;
  const found: Item[] = [];
  const add = (sentence: TranscriptSentence, text: string, owner: Owner, utteranceIds: string[] = sentence.utteranceIds): void => {
    const due = findDueDate(sentence.clean, options.meetingDate);
    found.push({ text, ...owner, dueDate: due?.date ?? null, dueText: due?.text ?? null, utteranceIds, startMs: sentence.startMs });
  };

  for (const sentence of transcriptSentences(transcript)) {
    const assignments = sentence.clean.endsWith('?') ? [] : assignmentsIn(sentence.clean, transcript);
    if (assignments.length > 0) {
      for (const assignment of assignments) {
        if (assignment.action.split(/\s+/).length < 2) continue;
        add(sentence, `${nameOf(assignment.speakerId) ?? 'Someone'}: ${trimDiscourseMarkers(assignment.action)}`, person(nameOf(assignment.speakerId)));
      }
      continue;
    }
    const hasDeadline = findDueDate(sentence.clean, options.meetingDate) !== null;
    const match = actionMatches(sentence.clean, people).find((candidate) => isActionable(sentence.clean, candidate, { hasDeadline }));
    if (match !== undefined) {
      add(sentence, itemText(sentence.clean, match.start), ownerOf(match, sentence, transcript, people));
      continue;
    }
    const accepted = acceptedRequest(sentence.clean, transcript.utterances, sentence.utteranceIndex);
    if (accepted !== null) {
      const request = transcript.utterances[accepted.utteranceIndex];
      add(sentence, itemText(cleanDisfluencies(accepted.request), 0), person(nameOf(sentence.speakerId)), [...sentence.utteranceIds, ...(request ? [request.id] : [])]);
    }
  }
  return dedupeActionItems(found);
}

function assignmentsIn(sentence: string, transcript: Transcript): ReturnType<typeof speakerAssignments> {
  const assigned = speakerAssignments(sentence, transcript.speakers);
  return assigned.length > 0 ? assigned : listedAssignments(sentence, transcript.speakers);
}

function ownerOf(match: ActionMatch, sentence: TranscriptSentence, transcript: Transcript, people: People): Owner {
  const speakerName = transcript.speakers.find((speaker) => speaker.id === sentence.speakerId)?.name ?? null;
  switch (match.kind) {
    case 'commitment':
    case 'offer':
      return person(speakerName);
    case 'group':
      return GROUP;
    case 'request':
    case 'please': {
      if (match.named !== null) return person(people.displayName(match.named));
      const addressed = addressedBefore(sentence.clean.slice(0, match.start), transcript.speakers);
      if (addressed !== null) return person(transcript.speakers.find((speaker) => speaker.id === addressed)?.name ?? null);
      const asked = theOneAsked(sentence.clean, transcript.utterances, sentence.utteranceIndex);
      if (asked === null) return person(null);
      if (asked.kind === 'group') return GROUP;
      return person(transcript.speakers.find((speaker) => speaker.id === asked.speakerId)?.name ?? null);
    }
    default:
      return person(match.named === null ? null : people.displayName(match.named));
  }
}
