import { z } from 'zod';

/** A room name as participants and subscribers give it: short, URL-safe, no path separators. */
export const RoomName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a room name: 1–64 letters, digits, dots, dashes, underscores');
/** A participant identity as LiveKit spells it (any printable text, bounded). */
export const ParticipantIdentity = z.string().min(1).max(128).regex(/^[^\u0000-\u001f]+$/, 'printable characters only');

/** Interim captions may still change; a final one is the provider's settled text for that span. */
export const CaptionKind = z.enum(['interim', 'final']);

const base = {
  room: z.string(),
  /** Per room, increasing by one for every event delivered to the room: a jump means this subscriber missed events. */
  seq: z.number().int().nonnegative(),
  participant: z.string(),
};

export const CaptionEventSchema = z.object({
  ...base,
  type: z.literal('caption'),
  kind: CaptionKind,
  text: z.string(),
  /** Milliseconds since the participant's stream started. */
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  /** `original` is what was said; `translation` the same final caption in the room's target language. */
  track: z.enum(['original', 'translation']),
  language: z.string().nullable(),
  /** Who produced the text: a speech-to-text provider, or the offline speech-activity stand-in. */
  source: z.string(),
});

/** The provider connection was lost and is being reopened: audio between `fromMs` and the next caption is not captioned. */
export const GapEventSchema = z.object({ ...base, type: z.literal('gap'), fromMs: z.number().nonnegative(), reason: z.string() });

/** A participant's audio stream ended (they left, or their client closed the socket). */
export const StreamEndedEventSchema = z.object({ ...base, type: z.literal('ended') });

export const LiveEventSchema = z.discriminatedUnion('type', [CaptionEventSchema, GapEventSchema, StreamEndedEventSchema]);
export type CaptionEvent = z.infer<typeof CaptionEventSchema>;
export type GapEvent = z.infer<typeof GapEventSchema>;
export type LiveEvent = z.infer<typeof LiveEventSchema>;

/** An event as the hub hands it to subscribers: `receivedAt` (performance.now()) is when the provider's message arrived, for latency. */
export interface Delivery {
  event: LiveEvent;
  receivedAt: number;
}

/** Finals are never dropped for a slow subscriber; interim captions and nothing else may be. */
export const isDroppable = (event: LiveEvent): boolean => event.type === 'caption' && event.kind === 'interim';
