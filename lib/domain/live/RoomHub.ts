import type { LiveEvent } from './captionEvents.js';
import { SubscriberQueue, type SubscriberQueueOptions } from './SubscriberQueue.js';

type Unsequenced<E> = E extends LiveEvent ? Omit<E, 'seq' | 'room'> : never;
export type RoomEventInput = Unsequenced<LiveEvent>;

/** A room in progress: who is speaking into it, who is listening, and what has been said for good. */
export interface LiveRoom {
  tenantId: string;
  name: string;
  startedAt: Date;
  /** Participants with an open audio stream. */
  speakers: Set<string>;
  subscribers: Set<SubscriberQueue>;
  /** Final captions and gap markers, in order: what is saved when the call ends. */
  record: LiveEvent[];
  nextSeq: number;
}

export interface RoomHubOptions {
  queue?: Partial<SubscriberQueueOptions>;
  /** The most final captions a room keeps for saving (about 8 hours of talk at the default). */
  maxRecord?: number;
  clock?: () => Date;
  /** Called when the last speaker of a room leaves: the call is over for the relay. */
  onRoomEnded?: (room: LiveRoom) => void;
}

const DEFAULT_QUEUE: SubscriberQueueOptions = { capacity: 256, hardLimit: 4096 };

/**
 * Rooms and their fan-out, kept apart per tenant: a subscriber only ever sees rooms of its own
 * tenant, whatever the room is called. Sequence numbers are per room, so a subscriber can tell a
 * dropped interim (or a cut connection) from silence.
 */
export class RoomHub {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly queue: SubscriberQueueOptions;
  private readonly maxRecord: number;
  private readonly clock: () => Date;

  constructor(private readonly options: RoomHubOptions = {}) {
    this.queue = { ...DEFAULT_QUEUE, ...options.queue };
    this.maxRecord = options.maxRecord ?? 50_000;
    this.clock = options.clock ?? (() => new Date());
  }

  subscribe(tenantId: string, name: string): { queue: SubscriberQueue; unsubscribe(): void } {
    const room = this.room(tenantId, name);
    const queue = new SubscriberQueue(this.queue);
    room.subscribers.add(queue);
    return {
      queue,
      unsubscribe: () => {
        queue.close();
        room.subscribers.delete(queue);
        this.forgetIfIdle(room);
      },
    };
  }

  /** Registers a speaker; false when that participant already streams into the room. */
  join(tenantId: string, name: string, participant: string): boolean {
    const room = this.room(tenantId, name);
    if (room.speakers.has(participant)) return false;
    room.speakers.add(participant);
    return true;
  }

  leave(tenantId: string, name: string, participant: string): void {
    const room = this.rooms.get(key(tenantId, name));
    if (room === undefined || !room.speakers.delete(participant)) return;
    if (room.speakers.size === 0) {
      // The saved record is this call's; listeners who stay see the next call in the room start afresh.
      this.options.onRoomEnded?.({ ...room, record: [...room.record] });
      room.record = [];
    }
    this.forgetIfIdle(room);
  }

  /**
   * Numbers the event and hands it to every subscriber of the room; returns its sequence number,
   * or null when the room is gone (a translation that arrives after the call ended is dropped
   * rather than bringing back a room nobody will ever clean up).
   */
  publish(tenantId: string, name: string, input: RoomEventInput, receivedAt: number): number | null {
    const room = this.rooms.get(key(tenantId, name));
    if (room === undefined) return null;
    const event = { ...input, room: name, seq: room.nextSeq } as LiveEvent;
    room.nextSeq += 1;
    if ((event.type === 'caption' && event.kind === 'final') || event.type === 'gap') {
      room.record.push(event);
      if (room.record.length > this.maxRecord) room.record.shift();
    }
    for (const queue of room.subscribers) {
      // A subscriber too far behind is closed by its queue; its connection handler sees the end.
      if (!queue.push({ event, receivedAt })) room.subscribers.delete(queue);
    }
    return event.seq;
  }

  /** The tenant's rooms with someone speaking. */
  active(tenantId: string): { name: string; startedAt: Date; speakers: string[]; subscribers: number }[] {
    return [...this.rooms.values()]
      .filter((room) => room.tenantId === tenantId && room.speakers.size > 0)
      .map((room) => ({ name: room.name, startedAt: room.startedAt, speakers: [...room.speakers], subscribers: room.subscribers.size }));
  }

  find(tenantId: string, name: string): LiveRoom | undefined {
    return this.rooms.get(key(tenantId, name));
  }

  get size(): number {
    return this.rooms.size;
  }

  private room(tenantId: string, name: string): LiveRoom {
    const id = key(tenantId, name);
    let room = this.rooms.get(id);
    if (room === undefined) {
      room = { tenantId, name, startedAt: this.clock(), speakers: new Set(), subscribers: new Set(), record: [], nextSeq: 0 };
      this.rooms.set(id, room);
    }
    return room;
  }

  /** A room nobody speaks into or listens to is forgotten; a new call in it starts afresh. */
  private forgetIfIdle(room: LiveRoom): void {
    if (room.speakers.size === 0 && room.subscribers.size === 0) this.rooms.delete(key(room.tenantId, room.name));
  }
}

// NUL cannot occur in a tenant id, so two tenants' rooms never share a key.
const key = (tenantId: string, name: string): string => `${tenantId}\u0000${name}`;
