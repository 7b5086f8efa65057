/** A caption event as the relay sends it (see lib/domain/live/captionEvents.ts). */
export type LiveEvent =
  | { type: 'caption'; room: string; seq: number; participant: string; kind: 'interim' | 'final'; text: string; startMs: number; endMs: number; track: 'original' | 'translation'; language: string | null; source: string }
  | { type: 'gap'; room: string; seq: number; participant: string; fromMs: number; reason: string }
  | { type: 'ended'; room: string; seq: number; participant: string };

/** One line of the room's conversation: a settled caption, or a note (someone left, a gap). */
export interface TimelineLine {
  seq: number;
  participant: string;
  text: string;
  startMs: number;
  kind: 'final' | 'translation' | 'note';
}

/** The room's one conversation: settled lines in the order they were said, and what each person is saying now. */
export interface Timeline {
  lines: TimelineLine[];
  /** Participant → the line still being spoken. */
  interim: Map<string, string>;
  /** Participant → whether they are still in the call. */
  present: Map<string, boolean>;
}

const MAX_LINES = 200;

export const emptyTimeline = (): Timeline => ({ lines: [], interim: new Map(), present: new Map() });

/**
 * Folds caption events into the room's timeline: every participant's finals in one list, in
 * the order the relay numbered them (each stream's own clock starts when its speaker joined, so
 * times of two speakers do not compare), a final replacing the speaker's interim, a gap or a
 * departure a note in the flow. Only the last lines are kept, so a long call does not grow
 * the page without end.
 */
export function applyEvent(timeline: Timeline, event: LiveEvent): void {
  const note = (text: string) => timeline.lines.push({ seq: event.seq, participant: event.participant, text, startMs: 0, kind: 'note' });
  if (event.type === 'gap') {
    timeline.interim.delete(event.participant);
    note('Connection to the speech service lost — captions resume shortly; a few seconds may be missing.');
  } else if (event.type === 'ended') {
    timeline.interim.delete(event.participant);
    timeline.present.set(event.participant, false);
    note('Left the call.');
  } else {
    timeline.present.set(event.participant, true);
    if (event.kind === 'interim') timeline.interim.set(event.participant, event.text);
    else {
      if (event.track === 'original') timeline.interim.delete(event.participant);
      timeline.lines.push({ seq: event.seq, participant: event.participant, text: event.text, startMs: event.startMs, kind: event.track === 'translation' ? 'translation' : 'final' });
    }
  }
  timeline.lines.sort((a, b) => a.seq - b.seq);
  if (timeline.lines.length > MAX_LINES) timeline.lines.splice(0, timeline.lines.length - MAX_LINES);
}

/** The relay's socket URL for a room, from the API's base URL (same origin when empty). */
export function captionsSocketUrl(baseUrl: string, room: string, ticket: string): string {
  const base = new URL(baseUrl === '' ? location.origin : baseUrl);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = '/live/captions';
  base.search = new URLSearchParams({ room, ticket }).toString();
  return base.toString();
}
