import { RELATIVE_LINKS } from '../meetings/links.js';
import type { MeetingContext } from '../meetings/schema.js';
import type { GeneratedBy } from '../labels/generatedBy.js';
import type { Decision } from '../understanding/schema.js';
import { meetingEventData, type MeetingEventContext, type MeetingEventData } from './actionItemsEvent.js';

/**
 * The body of a `decisions.published` webhook: the same Standard Webhooks `type/timestamp/data`
 * envelope and meeting fields as `action_items.published`, with what the meeting settled. Sent to
 * subscriptions that list it in `events` (not by default, so existing receivers see nothing new).
 */
export interface DecisionsPublishedEvent {
  type: 'decisions.published';
  timestamp: string;
  data: MeetingEventData & {
    decisions: (Pick<Decision, 'id' | 'text' | 'startMs'> & {
      /** Utterance ids of the transcript the decision is grounded in. */
      citations: string[];
      link: string;
    })[];
  };
}

export function decisionsPublishedEvent(meeting: MeetingContext, decisions: readonly Decision[], generatedBy: GeneratedBy, now: Date, context: MeetingEventContext = {}): DecisionsPublishedEvent {
  const links = context.links ?? RELATIVE_LINKS;
  return {
    type: 'decisions.published',
    timestamp: now.toISOString(),
    data: {
      ...meetingEventData(meeting, generatedBy, context),
      decisions: decisions.map((decision) => ({
        id: decision.id,
        text: decision.text,
        startMs: decision.startMs,
        citations: [...decision.utteranceIds],
        link: links.moment(meeting.meetingId, decision.startMs),
      })),
    },
  };
}
