import { meetingPath, momentPath } from '../meeting/links.js';
import { recordingTitle } from '../meeting/resultKeys.js';
import type { MeetingContext } from '../meeting/schema.js';
import { AI_LABEL_TEXT, type GeneratedBy } from '../labels/generatedBy.js';
import type { Decision } from '../understanding/schema.js';

/**
 * The body of a `decisions.published` webhook: the same Standard Webhooks `type/timestamp/data`
 * envelope and meeting fields as `action_items.published`, with what the meeting settled. Sent to
 * subscriptions that list it in `events` (not by default, so existing receivers see nothing new).
 */
export interface DecisionsPublishedEvent {
  type: 'decisions.published';
  timestamp: string;
  data: {
    meetingId: string;
    tenantId: string;
    runId: string;
    title: string;
    recordingKey: string;
    /** Relative to the app, which serves the meeting page. */
    meetingUrl: string;
    /** The decisions are machine-generated: by what (engine, model, version). */
    generatedBy: GeneratedBy & { label: string };
    decisions: (Pick<Decision, 'id' | 'text' | 'startMs'> & {
      /** Utterance ids of the transcript the decision is grounded in. */
      citations: string[];
      link: string;
    })[];
  };
}

export function decisionsPublishedEvent(meeting: MeetingContext, decisions: readonly Decision[], generatedBy: GeneratedBy, now: Date): DecisionsPublishedEvent {
  return {
    type: 'decisions.published',
    timestamp: now.toISOString(),
    data: {
      meetingId: meeting.meetingId,
      tenantId: meeting.tenantId,
      runId: meeting.runId,
      title: recordingTitle(meeting.recordingKey),
      recordingKey: meeting.recordingKey,
      meetingUrl: meetingPath(meeting.meetingId),
      generatedBy: { ...generatedBy, label: AI_LABEL_TEXT },
      decisions: decisions.map((decision) => ({
        id: decision.id,
        text: decision.text,
        startMs: decision.startMs,
        citations: [...decision.utteranceIds],
        link: momentPath(meeting.meetingId, decision.startMs),
      })),
    },
  };
}
