import { z } from 'zod';
import { ParticipantIdentity, RoomName } from '../../domain/live/captionEvents.js';
import { SAMPLE_RATES } from '../../domain/live/pcmChunk.js';

const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP-47 language tag such as "en" or "pt-BR"');

/** `/live/ingest?…`: who speaks into which room, and how the audio is encoded. Unknown parameters are refused. */
export const IngestQuerySchema = z
  .object({
    room: RoomName,
    /** With a ticket the participant comes from the ticket; with an API key it is given here. */
    participant: ParticipantIdentity.optional(),
    ticket: z.string().optional(),
    encoding: z.literal('linear16', { error: 'encoding must be linear16 (16-bit little-endian PCM)' }).default('linear16'),
    sampleRate: z.coerce
      .number()
      .refine((rate) => (SAMPLE_RATES as readonly number[]).includes(rate), `sampleRate must be one of ${SAMPLE_RATES.join(', ')}`),
    channels: z.literal('1', { error: 'channels must be 1: send each participant as its own mono stream' }).default('1'),
    language: Language.optional(),
    /** The room's second caption track: finals translated into this language. */
    translateTo: Language.optional(),
    /** Where the call's recording will be, so the live captions land beside it. */
    recordingKey: z.string().min(1).max(1024).optional(),
  })
  .strict();
export type IngestQuery = z.infer<typeof IngestQuerySchema>;

/** `/live/captions?…` and the SSE route. */
export const SubscribeQuerySchema = z.object({ room: RoomName, ticket: z.string().optional() }).strict();

/** `POST /api/live/tickets`. */
export const TicketRequestSchema = z
  .object({
    room: RoomName,
    purpose: z.enum(['ingest', 'subscribe']),
    participant: ParticipantIdentity.optional(),
  })
  .strict()
  .refine((request) => request.purpose === 'subscribe' || request.participant !== undefined, {
    message: 'an ingest ticket names the participant',
    path: ['participant'],
  });

/** Text messages an ingest client may send beside its audio. */
export const IngestControlSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('end') }), z.object({ type: z.literal('keepalive') })]);
