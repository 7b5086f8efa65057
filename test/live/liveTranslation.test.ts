import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../lib/domain/live/captionEvents.js';
import type { LiveStreamHandlers, LiveTranscriber } from '../../lib/domain/live/LiveTranscriber.js';
import { ParticipantStream } from '../../lib/domain/live/ParticipantStream.js';
import { RoomHub } from '../../lib/domain/live/RoomHub.js';
import type { Translator } from '../../lib/domain/ports/Translator.js';

/** Says "hello world" as a final for every chunk of audio it is sent. */
const echoTranscriber: LiveTranscriber = {
  name: 'test:echo',
  open: async (_options, handlers: LiveStreamHandlers) => ({
    send: () => handlers.onTranscript({ kind: 'final', text: 'hello world', startMs: 0, endMs: 500 }),
    finish: async () => undefined,
    abort: () => undefined,
  }),
};
const upperCase: Translator = { name: 'test:upper', translate: async ({ segments }) => segments.map((s) => ({ id: s.id, text: s.text.toUpperCase() })) };
const failing: Translator = { name: 'test:down', translate: async () => Promise.reject(new Error('model down')) };

async function captionsWith(translator: Translator): Promise<LiveEvent[]> {
  const hub = new RoomHub();
  const { queue } = hub.subscribe('t', 'r');
  const stream = await ParticipantStream.start({ hub, transcriber: echoTranscriber, translator, log: () => undefined }, { tenantId: 't', room: 'r', participant: 'ana', sampleRate: 16000, language: 'en', translateTo: 'fr', onFailed: () => undefined });
  stream.send(new Uint8Array(320));
  await new Promise((resolve) => setTimeout(resolve, 10));
  await stream.end();
  const seen: LiveEvent[] = [];
  while (queue.length > 0) seen.push((await queue.next())?.event as LiveEvent);
  return seen;
}

describe('live translation track', () => {
  it('adds each final caption in the room language as a second track with the same times', async () => {
    const seen = await captionsWith(upperCase);
    expect(seen.filter((event) => event.type === 'caption').map((event) => event.type === 'caption' && [event.track, event.language, event.text, event.startMs])).toEqual([
      ['original', 'en', 'hello world', 0],
      ['translation', 'fr', 'HELLO WORLD', 0],
    ]);
  });

  it('keeps the original captions flowing when the translator fails', async () => {
    const seen = await captionsWith(failing);
    expect(seen.map((event) => event.type)).toEqual(['caption', 'ended']);
  });
});
