import { resolveApiKey } from '../../domain/auth/apiKeys.js';
import type { Delivery } from '../../domain/live/captionEvents.js';
import type { LiveProviderError } from '../../domain/live/errors.js';
import type { LiveTranscriber } from '../../domain/live/LiveTranscriber.js';
import { ParticipantStream } from '../../domain/live/ParticipantStream.js';
import { RoomHub, type LiveRoom, type RoomHubOptions } from '../../domain/live/RoomHub.js';
import { defaultRecordingKey, saveLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import { tenantOfRecording } from '../../domain/intake/recordingTenant.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { Translator } from '../../domain/ports/Translator.js';
import type { IngestQuery } from './liveParams.js';
import { LiveTickets, type TicketClaims } from './liveTickets.js';
import { BadRequestError } from '../../domain/errors.js';

export interface CaptionRelayOptions {
  blobs: BlobStore;
  transcriber: LiveTranscriber;
  translator: Translator | null;
  defaultTenant: string;
  tickets?: LiveTickets;
  hub?: RoomHubOptions;
  reconnectDelaysMs?: readonly number[];
  /** Every delivery to a subscriber, after it was written: how the bench measures the relay's latency. */
  onDelivered?: (delivery: Delivery) => void;
  log?: (message: string, error: unknown) => void;
  clock?: () => Date;
}

/** Who is on the other end of a live connection, from an API key or a ticket. */
export interface LiveCaller {
  tenantId: string;
  /** Set when a ticket fixed the participant. */
  participant: string | null;
}

export class LiveRequestError extends BadRequestError {
  override readonly name = 'LiveRequestError';
}

/**
 * The live plane in one object: rooms and their subscribers, one provider stream per speaking
 * participant, and the live captions saved beside the recording when a room's last speaker
 * leaves. Transport-free: the WebSocket and SSE handlers call into it.
 */
export class CaptionRelay {
  readonly hub: RoomHub;
  readonly tickets: LiveTickets;
  private readonly stops = new Set<() => Promise<void>>();
  private readonly rooms = new Map<string, { recordingKey: string; translateTo: string | null }>();
  private readonly saves = new Set<Promise<unknown>>();
  private readonly log: (message: string, error: unknown) => void;
  private readonly clock: () => Date;

  constructor(private readonly options: CaptionRelayOptions) {
    this.log = options.log ?? ((message, error) => console.error(message, error));
    this.clock = options.clock ?? (() => new Date());
    this.tickets = options.tickets ?? new LiveTickets();
    this.hub = new RoomHub({ ...options.hub, clock: this.clock, onRoomEnded: (room) => this.save(room) });
  }

  get transcriberName(): string {
    return this.options.transcriber.name;
  }

  logError(message: string, error: unknown): void {
    this.log(message, error);
  }

  get onDelivered(): ((delivery: Delivery) => void) | undefined {
    return this.options.onDelivered;
  }

  /** An `Authorization: Bearer` API key or a ticket for this purpose and room; null when neither is valid. */
  async authenticate(request: { authorization: string | undefined; ticket: string | undefined; purpose: TicketClaims['purpose']; room: string }): Promise<LiveCaller | null> {
    if (request.ticket !== undefined) {
      const claims = this.tickets.verify(request.ticket);
      if (claims === null || claims.purpose !== request.purpose || claims.room !== request.room) return null;
      return { tenantId: claims.tenantId, participant: claims.participant };
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '')?.[1];
    if (bearer === undefined) return null;
    const key = await resolveApiKey(this.options.blobs, bearer);
    return key === null ? null : { tenantId: key.tenantId, participant: null };
  }

  /**
   * Opens the provider stream for one participant. Throws LiveRequestError for a request that
   * cannot be served (participant missing or already streaming, a recording key of another tenant).
   */
  async startIngest(caller: LiveCaller, query: IngestQuery, onFailed: (error: LiveProviderError) => void): Promise<{ stream: ParticipantStream; stop(): Promise<void> }> {
    const participant = caller.participant ?? query.participant;
    if (participant === undefined) throw new LiveRequestError('name the participant: ?participant=<identity>');
    const recordingKey = query.recordingKey ?? defaultRecordingKey(caller.tenantId, this.options.defaultTenant, query.room);
    if (tenantOfRecording(recordingKey, this.options.defaultTenant) !== caller.tenantId || recordingKey.includes('..')) {
      throw new LiveRequestError('recordingKey must be a key of your own tenant');
    }
    if (!this.hub.join(caller.tenantId, query.room, participant)) throw new LiveRequestError(`${participant} is already streaming into ${query.room}`);
    const roomKey = `${caller.tenantId}\u0000${query.room}`;
    if (!this.rooms.has(roomKey)) this.rooms.set(roomKey, { recordingKey, translateTo: query.translateTo ?? null });
    let stream: ParticipantStream;
    try {
      stream = await ParticipantStream.start(
        {
          hub: this.hub,
          transcriber: this.options.transcriber,
          translator: this.options.translator,
          log: this.log,
          ...(this.options.reconnectDelaysMs === undefined ? {} : { reconnectDelaysMs: this.options.reconnectDelaysMs }),
        },
        {
          tenantId: caller.tenantId,
          room: query.room,
          participant,
          sampleRate: query.sampleRate,
          language: query.language ?? null,
          translateTo: this.rooms.get(roomKey)?.translateTo ?? null,
          onFailed,
        },
      );
    } catch (error) {
      this.hub.leave(caller.tenantId, query.room, participant);
      throw error;
    }
    let stopped: Promise<void> | null = null;
    const stop = () =>
      (stopped ??= (async () => {
        await stream.end();
        this.stops.delete(stop);
        this.hub.leave(caller.tenantId, query.room, participant);
      })());
    this.stops.add(stop);
    return { stream, stop };
  }

  /** Ends every stream (which saves each room's captions) and waits for the saves. */
  async close(): Promise<void> {
    await Promise.all([...this.stops].map((stop) => stop()));
    await Promise.all(this.saves);
  }

  /** Resolves when every save started so far has finished (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.saves);
  }

  private save(room: LiveRoom): void {
    const roomKey = `${room.tenantId}\u0000${room.name}`;
    const meta = this.rooms.get(roomKey);
    this.rooms.delete(roomKey);
    if (meta === undefined || room.record.length === 0) return;
    const saving = saveLiveCaptions(this.options.blobs, { recordingKey: meta.recordingKey, room: room.name, startedAt: room.startedAt, endedAt: this.clock(), events: room.record })
      .catch((error: unknown) => this.log(`live: could not save the captions of room ${room.name}`, error))
      .finally(() => this.saves.delete(saving));
    this.saves.add(saving);
  }
}
