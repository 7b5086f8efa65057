import { describe, expect, it } from 'vitest';
import type { Delivery, LiveEvent } from '../../lib/domain/live/captionEvents.js';
import { checkPcmChunk } from '../../lib/domain/live/pcmChunk.js';
import { pumpSubscription } from '../../lib/domain/live/pumpSubscription.js';
import { RoomHub } from '../../lib/domain/live/RoomHub.js';
import { SubscriberQueue } from '../../lib/domain/live/SubscriberQueue.js';

const caption = (seq: number, kind: 'interim' | 'final'): Delivery => ({
  event: { type: 'caption', room: 'r', seq, participant: 'p', kind, text: `${kind} ${seq}`, startMs: 0, endMs: 1, track: 'original', language: null, source: 'test' },
  receivedAt: 0,
});
const seqs = (deliveries: (Delivery | null)[]) => deliveries.map((delivery) => delivery?.event.seq);

describe('SubscriberQueue', () => {
  it('drops the oldest interim caption when full and keeps every final', async () => {
    // Prepare
    const queue = new SubscriberQueue({ capacity: 3, hardLimit: 10 });
    // Act
    [caption(0, 'interim'), caption(1, 'final'), caption(2, 'interim'), caption(3, 'final'), caption(4, 'final')].forEach((d) => queue.push(d));
    // Assess
    const out = [await queue.next(), await queue.next(), await queue.next()];
    expect(seqs(out)).toEqual([1, 3, 4]);
    expect(queue.dropped).toBe(2);
  });

  it('closes a subscriber that is behind by more than the hard limit, even in finals', async () => {
    const queue = new SubscriberQueue({ capacity: 2, hardLimit: 4 });
    const accepted = [0, 1, 2, 3, 4].map((seq) => queue.push(caption(seq, 'final')));
    expect(accepted).toEqual([true, true, true, true, false]);
    expect(await queue.next()).toBeNull();
  });
});

describe('pumpSubscription', () => {
  it('lets a slow connection fall behind on interims only', async () => {
    // Prepare: a connection whose every write takes 5 ms, and events arriving much faster.
    const queue = new SubscriberQueue({ capacity: 4, hardLimit: 1000 });
    const written: LiveEvent[] = [];
    const pumping = pumpSubscription(queue, async (delivery) => {
      written.push(delivery.event);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    // Act: 200 events, every fifth a final.
    for (let seq = 0; seq < 200; seq += 1) queue.push(caption(seq, seq % 5 === 4 ? 'final' : 'interim'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    while (queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    queue.close();
    await pumping;
    // Assess: all 40 finals arrived, in order; most interims were dropped.
    const finals = written.filter((event) => event.type === 'caption' && event.kind === 'final').map((event) => event.seq);
    expect(finals).toEqual(Array.from({ length: 40 }, (_, i) => i * 5 + 4));
    expect(written.length).toBeLessThan(100);
    const order = written.map((event) => event.seq);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('RoomHub', () => {
  it('numbers events per room and keeps tenants apart even for rooms of the same name', async () => {
    const hub = new RoomHub();
    const acme = hub.subscribe('acme', 'standup');
    const globex = hub.subscribe('globex', 'standup');
    hub.publish('acme', 'standup', { type: 'gap', participant: 'a', fromMs: 0, reason: 'x' }, 0);
    hub.publish('acme', 'standup', { type: 'ended', participant: 'a' }, 0);
    expect(seqs([await acme.queue.next(), await acme.queue.next()])).toEqual([0, 1]);
    expect(globex.queue.length).toBe(0);
  });

  it('drops events for a room that is gone instead of bringing it back', () => {
    const hub = new RoomHub();
    expect(hub.publish('acme', 'over', { type: 'ended', participant: 'b' }, 0)).toBeNull();
    expect(hub.size).toBe(0);
  });

  it('hands the finals and gaps of a call to onRoomEnded when its last speaker leaves', () => {
    const ended: LiveEvent[][] = [];
    const hub = new RoomHub({ onRoomEnded: (room) => ended.push(room.record) });
    expect(hub.join('t', 'r', 'alice')).toBe(true);
    expect(hub.join('t', 'r', 'alice')).toBe(false);
    hub.join('t', 'r', 'bob');
    const said = (kind: 'interim' | 'final') => ({ type: 'caption' as const, participant: 'alice', kind, text: kind, startMs: 0, endMs: 1, track: 'original' as const, language: null, source: 'test' });
    hub.publish('t', 'r', said('interim'), 0);
    hub.publish('t', 'r', said('final'), 0);
    hub.leave('t', 'r', 'alice');
    expect(ended).toEqual([]);
    hub.leave('t', 'r', 'bob');
    expect(ended.map((record) => record.map((event) => event.type === 'caption' && event.kind))).toEqual([['final']]);
    expect(hub.size).toBe(0);
  });
});

describe('checkPcmChunk', () => {
  it('refuses containers, odd byte counts, empty and oversized messages with a message that says what to send', () => {
    expect(() => checkPcmChunk(Buffer.from('RIFF....WAVEfmt '), 16000, true)).toThrow(/WAV \(RIFF\) file: send raw 16-bit/);
    expect(() => checkPcmChunk(new Uint8Array(3), 16000, false)).toThrow(/whole 2-byte samples/);
    expect(() => checkPcmChunk(new Uint8Array(0), 16000, false)).toThrow(/empty/);
    expect(() => checkPcmChunk(new Uint8Array(16000 * 2 * 3), 16000, false)).toThrow(/over 2000 ms/);
    expect(() => checkPcmChunk(new Uint8Array(3200), 16000, true)).not.toThrow();
  });
});
