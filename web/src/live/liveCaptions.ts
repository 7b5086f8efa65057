/** A caption event as the relay sends it (see lib/domain/live/captionEvents.ts). */
export type LiveEvent =
  | { type: 'caption'; room: string; seq: number; participant: string; kind: 'interim' | 'final'; text: string; startMs: number; endMs: number; track: 'original' | 'translation'; language: string | null; source: string }
  | { type: 'gap'; room: string; seq: number; participant: string; fromMs: number; reason: string }
  | { type: 'ended'; room: string; seq: number; participant: string };

/** What one participant's row shows: the settled lines, and the line still being spoken. */
export interface SpeakerLines {
  finals: { text: string; startMs: number; translation: boolean }[];
  interim: string;
  note: string;
}

const MAX_LINES = 50;

/**
 * Folds caption events into what is on screen, per participant: a final replaces the interim it
 * settles, a gap leaves a visible note, and only the last lines are kept so a long call does
 * not grow the page without end.
 */
export function applyEvent(speakers: Map<string, SpeakerLines>, event: LiveEvent): void {
  const lines = speakers.get(event.participant) ?? { finals: [], interim: '', note: '' };
  speakers.set(event.participant, lines);
  if (event.type === 'gap') {
    lines.interim = '';
    lines.note = 'Connection to the speech service lost — captions resume shortly; a few seconds may be missing.';
  } else if (event.type === 'ended') {
    lines.interim = '';
    lines.note = 'Left the call.';
  } else if (event.kind === 'interim') {
    lines.interim = event.text;
    lines.note = '';
  } else {
    if (event.track === 'original') lines.interim = '';
    lines.finals.push({ text: event.text, startMs: event.startMs, translation: event.track === 'translation' });
    if (lines.finals.length > MAX_LINES) lines.finals.splice(0, lines.finals.length - MAX_LINES);
    lines.note = '';
  }
}

/** The relay's socket URL for a room, from the API's base URL (same origin when empty). */
export function captionsSocketUrl(baseUrl: string, room: string, ticket: string): string {
  const base = new URL(baseUrl === '' ? location.origin : baseUrl);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = '/live/captions';
  base.search = new URLSearchParams({ room, ticket }).toString();
  return base.toString();
}
