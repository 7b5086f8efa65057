import { DeepgramClient } from '@deepgram/sdk';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeepgramClient } from '../../../lib/adapters/deepgram/createDeepgramClient.js';
import { DeepgramTranscriber, transcriptFromDeepgramCallback, type DeepgramTranscriberOptions } from '../../../lib/adapters/deepgram/DeepgramTranscriber.js';
import {
  InvalidTranscriptError,
  ProviderAuthError,
  ProviderUnavailableError,
  RecordingNotFoundError,
  TRANSIENT_ERROR_NAMES,
  UnsupportedRecordingError,
} from '../../../lib/domain/errors.js';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { TranscriptSchema, type Transcript } from '../../../lib/domain/transcript/schema.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import { startFakeDeepgramServer, turnsFromTranscript, type FakeDeepgramServer, type ScriptedTurn } from '../../support/fakes/fakeDeepgramServer.js';

const API_KEY = 'dg-secret-7c1e4b9a0f23';
const MEETING = 'mtg_0123456789abcdef01234567';
const RECORDING = 'tenants/acme/recordings/kickoff.wav';
const AUDIO = new Uint8Array(4096).fill(7);
const vtt = readFileSync(new URL('../../../samples/recordings/kickoff-es2002a.vtt', import.meta.url), 'utf8');

/** A recording store that has one recording; `url` makes it hand out presigned URLs. */
const recordings = (options: { url?: boolean; audio?: Uint8Array } = {}): DeepgramTranscriberOptions['recording'] => ({
  getBytes: async (key) => (key === RECORDING ? (options.audio ?? AUDIO) : null),
  ...(options.url === true ? { presignedUrl: async (key: string) => `https://recordings.example.com/${key}?X-Amz-Signature=abc123` } : {}),
});

describe('DeepgramTranscriber through the real SDK against a local Deepgram', () => {
  let server: FakeDeepgramServer;
  let script: ScriptedTurn[];
  let client: DeepgramClient;

  beforeAll(async () => {
    script = turnsFromTranscript(await importTranscript(vtt, 'vtt', { meetingId: MEETING, key: 'kickoff.vtt' }));
    const last = script.at(-1)?.endMs ?? 0;
    // One turn with a card number and an SSN, for redaction.
    script.push({ speaker: 1, text: 'My card is 4111 1111 1111 1111 and my SSN is 123-45-6789.', startMs: last + 500, endMs: last + 6500 });
    server = await startFakeDeepgramServer({ apiKey: API_KEY, turns: script, detectedLanguage: 'en' });
    client = createDeepgramClient({ apiKey: API_KEY, baseUrl: server.url });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.setFault(null);
  });

  /** Runs `work` and returns the requests the fake received meanwhile. */
  async function requestsDuring(work: () => Promise<unknown>) {
    const before = server.requests.length;
    await work().catch(() => undefined);
    return server.requests.slice(before);
  }

  const transcriber = (options: Partial<DeepgramTranscriberOptions> = {}, withClient: DeepgramClient = client) =>
    new DeepgramTranscriber(withClient, { recording: recordings(), ...options });

  it('transcribes by presigned URL into a valid canonical transcript', async () => {
    let transcript: Transcript | undefined;
    const [request, ...more] = await requestsDuring(async () => {
      transcript = await transcriber({ recording: recordings({ url: true }) }).transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    });

    expect(more).toEqual([]);
    expect(request?.body).toEqual({ kind: 'url', url: `https://recordings.example.com/${RECORDING}?X-Amz-Signature=abc123` });
    expect(request?.authorization).toBe(`Token ${API_KEY}`);
    for (const flag of ['diarize', 'smart_format', 'punctuate', 'detect_language']) {
      expect(request?.query.get(flag), flag).toBe('true');
    }
    // Words alone: utterances and paragraphs would repeat the transcript in the response (derived here instead).
    for (const flag of ['utterances', 'paragraphs']) expect(request?.query.has(flag), flag).toBe(false);
    expect(request?.query.get('model')).toBe('nova-3');
    expect(request?.query.has('language')).toBe(false);

    expect(transcript).toBeDefined();
    expect(TranscriptSchema.parse(transcript)).toEqual(transcript);
    expect(transcript?.meetingId).toBe(MEETING);
    expect(transcript?.source).toEqual({ kind: 'deepgram', detail: 'nova-3', key: RECORDING });
    // Lines come from words: a turn that follows the same speaker within 0.8 s continues its line.
    expect(transcript?.utterances.map((u) => u.text).join(' ')).toBe(script.map((t) => t.text).join(' '));
    expect(transcript?.utterances.length).toBeGreaterThan(script.length * 0.7);
    expect(transcript?.durationMs).toBe(script.at(-1)?.endMs);
    const first = transcript?.utterances[0];
    expect(first?.words.length).toBeGreaterThan(3);
    expect(first?.words[0]).toMatchObject({ text: 'Okay', startMs: script[0]?.startMs, confidence: expect.any(Number) });
    expect(first?.confidence).toBeGreaterThan(0.8);
  });

  it('uploads the bytes when no presigned URL is available, with the same result', async () => {
    let transcript: Transcript | undefined;
    const [request] = await requestsDuring(async () => {
      transcript = await transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    });

    expect(request?.body).toEqual({ kind: 'audio', bytes: AUDIO.length });
    expect(request?.contentType).toBe('application/octet-stream');
    expect(transcript?.utterances.map((u) => u.text).join(' ')).toBe(script.map((t) => t.text).join(' '));
  });

  it('keeps the diarised speakers: Deepgram speaker n is "Speaker n", id spk_n', async () => {
    const transcript = await transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING });

    expect(transcript.speakers).toEqual([
      { id: 'spk_0', name: 'Speaker 0' },
      { id: 'spk_1', name: 'Speaker 1' },
      { id: 'spk_2', name: 'Speaker 2' },
      { id: 'spk_3', name: 'Speaker 3' },
    ]);
    const speakerOfEachWord = (speakerIds: string[], texts: string[]) => texts.flatMap((text, i) => text.split(/\s+/).map(() => speakerIds[i]));
    expect(speakerOfEachWord(transcript.utterances.map((u) => u.speakerId), transcript.utterances.map((u) => u.text))).toEqual(
      speakerOfEachWord(script.map((t) => `spk_${t.speaker}`), script.map((t) => t.text)),
    );
  });

  it('reports the detected language, or sends and keeps the configured one', async () => {
    const detected = await transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    expect(detected.language).toBe('en');

    let configured: Transcript | undefined;
    const [request] = await requestsDuring(async () => {
      configured = await transcriber({ language: 'es' }).transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    });
    expect(request?.query.get('language')).toBe('es');
    expect(request?.query.has('detect_language')).toBe(false);
    expect(configured?.language).toBe('es');
  });

  it('asks for redaction when configured, and what comes back has no card number or SSN', async () => {
    let redacted: Transcript | undefined;
    const [request] = await requestsDuring(async () => {
      redacted = await transcriber({ redact: ['pci', 'ssn'] }).transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    });
    expect(request?.query.getAll('redact')).toEqual(['pci', 'ssn']);
    const text = redacted?.utterances.map((u) => u.text).join(' ') ?? '';
    const words = redacted?.utterances.flatMap((u) => u.words.map((w) => w.text)).join(' ') ?? '';
    expect(text).toContain('My card is');
    expect(text).not.toMatch(/\d{3}/);
    expect(words).not.toMatch(/\d{3}/);
  });

  it('sends no redact parameter when none is configured', async () => {
    let plain: Transcript | undefined;
    const [request] = await requestsDuring(async () => {
      plain = await transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING });
    });
    expect(request?.query.has('redact')).toBe(false);
    expect(plain?.utterances.at(-1)?.text).toContain('4111');
  });

  it('meters the audio minutes of every transcription on the calling step', async () => {
    const { account } = await withStepAccount(() => transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING }));
    const seconds = (script.at(-1)?.endMs ?? 0) / 1000;
    expect(account.usage).toEqual([{ provider: 'deepgram', model: 'nova-3', unit: 'audio_minutes', quantity: seconds / 60 }]);
  });

  describe('failures, each after exactly one HTTP request', () => {
    // A client left at the SDK's default of two retries: the adapter must still not retry.
    let defaultRetryClient: DeepgramClient;
    beforeAll(() => {
      defaultRetryClient = new DeepgramClient({ apiKey: API_KEY, baseUrl: server.url });
    });

    it('429 is transient and says when to come back', async () => {
      server.setFault({ kind: 'status', status: 429, retryAfterSeconds: 17, times: 5 });
      let error: unknown;
      const requests = await requestsDuring(async () => {
        error = await transcriber({}, defaultRetryClient)
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
      });
      expect(requests).toHaveLength(1);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect((error as Error).message).toMatch(/HTTP 429/);
      expect((error as Error).message).toMatch(/retry-after 17/);
    });

    it('500 is transient', async () => {
      server.setFault({ kind: 'status', status: 500, times: 5 });
      let error: unknown;
      const requests = await requestsDuring(async () => {
        error = await transcriber({}, defaultRetryClient)
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
      });
      expect(requests).toHaveLength(1);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect((error as Error).message).toMatch(/HTTP 500/);
    });

    it('an answer that never comes is a transient timeout', async () => {
      server.setFault({ kind: 'hang', times: 5 });
      let error: unknown;
      const requests = await requestsDuring(async () => {
        error = await transcriber({ timeoutMs: 200 }, defaultRetryClient)
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
      });
      expect(requests).toHaveLength(1);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect((error as Error).message).toMatch(/did not answer in time/);
    });

    it('a transcription slower than the timeout is transient', async () => {
      // Deepgram takes roughly 30 s per audio hour; this one is scaled to an hour per audio second.
      const slow = await startFakeDeepgramServer({ apiKey: API_KEY, turns: script, latencyMs: (audioSeconds) => audioSeconds * 30_000 });
      try {
        const error = await transcriber({ timeoutMs: 200 }, createDeepgramClient({ apiKey: API_KEY, baseUrl: slow.url }))
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderUnavailableError);
        expect(slow.requests).toHaveLength(1);
      } finally {
        await slow.close();
      }
    });

    it('a refused key is final and never named in the error', async () => {
      const wrongKey = 'dg-wrong-key-5d2f8c1b';
      const wrongClient = createDeepgramClient({ apiKey: wrongKey, baseUrl: server.url });
      let error: unknown;
      const requests = await requestsDuring(async () => {
        error = await transcriber({}, wrongClient)
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
      });
      expect(requests).toHaveLength(1);
      expect(requests[0]?.authorization).toBe(`Token ${wrongKey}`);
      expect(error).toBeInstanceOf(ProviderAuthError);
      expect(TRANSIENT_ERROR_NAMES).not.toContain((error as Error).name);
      expect((error as Error).message).toMatch(/HTTP 401.*INVALID_AUTH/);
      const everything = `${String(error)} ${(error as Error).stack ?? ''} ${JSON.stringify(error)} ${String((error as Error).cause)}`;
      expect(everything).not.toContain(wrongKey);
    });

    it('audio Deepgram cannot read is final', async () => {
      let error: unknown;
      const requests = await requestsDuring(async () => {
        error = await transcriber({ recording: recordings({ audio: new Uint8Array() }) })
          .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
          .catch((e: unknown) => e);
      });
      expect(requests).toHaveLength(1);
      expect(error).toBeInstanceOf(UnsupportedRecordingError);
      expect((error as Error).message).toMatch(/corrupt or unsupported/);
    });

    it.each([
      ['cut-off JSON', undefined],
      ['JSON that is not a transcription', '{"results": {"channels": "none"}}'],
    ])('a 200 with %s is a final InvalidTranscriptError', async (_, body) => {
      server.setFault({ kind: 'malformed', ...(body === undefined ? {} : { body }) });
      const attempt = transcriber().transcribe({ meetingId: MEETING, recordingKey: RECORDING });
      await expect(attempt).rejects.toBeInstanceOf(InvalidTranscriptError);
      await expect(attempt).rejects.toThrow(/not a transcription/);
    });

    it('a Deepgram nobody answers at is transient', async () => {
      const gone = await startFakeDeepgramServer({ apiKey: API_KEY, turns: [] });
      await gone.close();
      const error = await transcriber({}, createDeepgramClient({ apiKey: API_KEY, baseUrl: gone.url }))
        .transcribe({ meetingId: MEETING, recordingKey: RECORDING })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect((error as Error).message).toMatch(/could not be reached/);
    });
  });

  it('a missing recording is final and costs no request', async () => {
    const requests = await requestsDuring(async () => {
      await expect(transcriber().transcribe({ meetingId: MEETING, recordingKey: 'nope.wav' })).rejects.toBeInstanceOf(RecordingNotFoundError);
    });
    expect(requests).toEqual([]);
  });

  describe('callback flow', () => {
    let receiver: Server;
    let receiverUrl: string;
    const posted: { url: string; body: unknown }[] = [];
    const waiters: ((post: { url: string; body: unknown }) => void)[] = [];
    const nextPost = () => new Promise<{ url: string; body: unknown }>((resolve) => waiters.push(resolve));

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const post = { url: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
          posted.push(post);
          res.writeHead(200).end();
          waiters.shift()?.(post);
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    });

    it('submits, gets a request id at once, and maps what Deepgram posts later like the synchronous path', async () => {
      const callbackUrl = `${receiverUrl}/callbacks/deepgram?tenant=acme&meeting=${MEETING}&run=r1&sig=${'a'.repeat(64)}`;
      const delivered = nextPost();
      const dg = transcriber({ redact: ['numbers'] });

      let submitted: { requestId: string } | undefined;
      const [request] = await requestsDuring(async () => {
        submitted = await dg.submitWithCallback({ meetingId: MEETING, recordingKey: RECORDING, callbackUrl });
      });
      expect(submitted?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(request?.query.get('callback')).toBe(callbackUrl);
      expect(request?.query.getAll('redact')).toEqual(['numbers']);

      const post = await delivered;
      expect(post.url).toBe(callbackUrl.slice(receiverUrl.length));
      const fromCallback = transcriptFromDeepgramCallback(post.body, { meetingId: MEETING, recordingKey: RECORDING, model: 'nova-3' });
      expect(TranscriptSchema.parse(fromCallback)).toEqual(fromCallback);
      expect((post.body as { metadata: { request_id: string } }).metadata.request_id).toBe(submitted?.requestId);

      const direct = await dg.transcribe({ meetingId: MEETING, recordingKey: RECORDING });
      expect(fromCallback).toEqual(direct);
      expect(fromCallback.utterances.at(-1)?.text).not.toMatch(/\d{3}/);

      const { account } = await withStepAccount(async () => dg.transcriptFromCallback(post.body, { meetingId: MEETING, recordingKey: RECORDING }));
      expect(account.usage).toEqual([expect.objectContaining({ provider: 'deepgram', unit: 'audio_minutes' })]);
    });

    it('refuses a callback body for another meeting, or one that is no transcription', async () => {
      const delivered = nextPost();
      await transcriber().submitWithCallback({ meetingId: MEETING, recordingKey: RECORDING, callbackUrl: `${receiverUrl}/cb` });
      const { body } = await delivered;
      expect(() => transcriptFromDeepgramCallback(body, { meetingId: 'mtg_other', recordingKey: RECORDING, model: 'nova-3' })).toThrow(InvalidTranscriptError);
      expect(() => transcriptFromDeepgramCallback({ hello: 1 }, { meetingId: MEETING, recordingKey: RECORDING, model: 'nova-3' })).toThrow(InvalidTranscriptError);
    });
  });
});
