import { describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../../../lib/domain/errors.js';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { TranscriptSchema } from '../../../../lib/domain/transcript/schema.js';
import { isValidCallbackSignature } from '../../../../lib/domain/transcriptionCallback/callbackSignature.js';
import { findJson } from '../../../../lib/domain/jsonBlobs.js';
import { pendingTranscriptionKey, PendingTranscriptionSchema, transcribe } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { at, CallbackScriptedTranscriber, meetingOf, PREFIX, RECORDING, ScriptedTranscriber, stepStatusOf, stepWorld, transcriptFor, wavRecording } from './stepWorld.js';

const VTT = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v Laura>Welcome, today we plan the launch.', '', '00:00:05.000 --> 00:00:08.000', '<v Ahmed>My card is 4111 1111 1111 1111.', ''].join('\n');
const SIBLING_VTT = RECORDING.replace(/\.wav$/, '.vtt');
const input = (overrides: Partial<Parameters<typeof transcribe>[1]> = {}) => ({ meeting: meetingOf(), taskToken: 'token-1', transcriber: 'primary' as const, ...overrides });
const storedTranscript = (world: ReturnType<typeof stepWorld>) => findJson(world.blobs, at(resultFiles.transcriptJson), TranscriptSchema);
const deepgram = () => new ScriptedTranscriber('deepgram:nova-3', (request) => ({ ...transcriptFor(meetingOf()), source: { kind: 'deepgram', detail: 'nova-3', key: request.recordingKey } }));

describe('Transcribe step', () => {
  it('imports the transcript beside the recording, writes it as JSON, WebVTT and SRT, and completes the task', async () => {
    const transcriber = deepgram();
    const world = stepWorld({ transcriber });
    await world.blobs.put(RECORDING, wavRecording(), 'audio/wav');
    await world.blobs.put(SIBLING_VTT, VTT, 'text/vtt');

    const result = await transcribe(world.deps, input());

    const expected = { transcriptKey: at('transcript.json'), source: 'import:vtt', utterances: 2, speakers: 2, durationMs: 8000 };
    expect(result).toEqual(expected);
    // What the user put beside the recording wins: the provider is not paid for it.
    expect(transcriber.requests).toEqual([]);
    expect(world.taskTokens.succeeded).toEqual([{ token: 'token-1', output: expected }]);
    const transcript = await storedTranscript(world);
    expect(transcript?.utterances.map((u) => [u.id, u.text])).toEqual([
      ['u0', 'Welcome, today we plan the launch.'],
      ['u1', 'My card is 4111 1111 1111 1111.'],
    ]);
    expect(world.blobs.objects.get(at(resultFiles.transcriptVtt))).toMatch(/^WEBVTT[\s\S]*00:00:01\.000 --> 00:00:04\.000[\s\S]*Welcome, today we plan the launch\./);
    expect(world.blobs.objects.get(at(resultFiles.transcriptSrt))).toMatch(/^1\r?\n00:00:01,000 --> 00:00:04,000/);
    expect(world.blobs.contentTypeOf(at(resultFiles.transcriptVtt))).toBe('text/vtt; charset=utf-8');
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'succeeded', runId: 'run-1' });
  });

  it("removes the tenant's PII kinds before anything is stored", async () => {
    const world = stepWorld();
    await world.blobs.put(SIBLING_VTT, VTT, 'text/vtt');

    await transcribe(world.deps, input({ meeting: meetingOf({ piiRedaction: ['card_numbers'] }) }));

    expect((await storedTranscript(world))?.utterances[1]?.text).toBe('My card is [card number].');
    expect(world.blobs.objects.get(at(resultFiles.transcriptVtt))).not.toContain('4111');
    expect(world.blobs.objects.get(at(resultFiles.transcriptSrt))).not.toContain('4111');
  });

  it('asks the speech-to-text provider when no transcript is beside the recording, passing the redaction', async () => {
    const transcriber = deepgram();
    const world = stepWorld({ transcriber });
    const meeting = meetingOf({ piiRedaction: ['ssn'] });

    const result = await transcribe(world.deps, input({ meeting }));

    expect(transcriber.requests).toEqual([{ meetingId: meeting.meetingId, recordingKey: RECORDING, redact: ['ssn'] }]);
    expect(result).toMatchObject({ source: 'deepgram:nova-3', utterances: 4, speakers: 2 });
    expect(world.taskTokens.succeeded.map((s) => s.token)).toEqual(['token-1']);
    expect((await storedTranscript(world))?.source).toEqual({ kind: 'deepgram', detail: 'nova-3', key: RECORDING });
  });

  it('takes the second transcriber on the secondary path', async () => {
    const primary = deepgram();
    const secondary = new ScriptedTranscriber('openai:whisper-1', () => ({ ...transcriptFor(meetingOf()), source: { kind: 'openai', detail: 'whisper-1', key: RECORDING } }));
    const world = stepWorld({ transcriber: primary, secondaryTranscriber: secondary });

    const result = await transcribe(world.deps, input({ transcriber: 'secondary', primaryError: { Error: 'ProviderUnavailableError', Cause: 'deepgram 503' } }));

    expect(result).toMatchObject({ source: 'openai:whisper-1' });
    expect(primary.requests).toEqual([]);
    expect(secondary.requests).toHaveLength(1);
  });

  it.each([
    ['an empty', '', 'InvalidTranscriptError', 'is empty'],
    ['a corrupt JSON', '{"utterances": [', 'InvalidTranscriptError', 'is not valid JSON'],
    ['an unreadable WebVTT', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Broken', 'InvalidTranscriptError', 'has no readable cue'],
  ])('fails on %s transcript beside the recording, storing nothing and completing no task', async (_what, text, name, message) => {
    const world = stepWorld({ transcriber: deepgram() });
    const ext = text.startsWith('{') ? 'json' : 'vtt';
    await world.blobs.put(RECORDING.replace(/\.wav$/, `.${ext}`), text, 'text/plain');

    await expect(transcribe(world.deps, input())).rejects.toMatchObject({ name, message: expect.stringContaining(message) });

    expect(await world.blobs.list(`${PREFIX}transcript`)).toEqual([]);
    expect(world.taskTokens.succeeded).toEqual([]);
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'failed', detail: expect.stringContaining(`${name}: `) });
  });

  it('keeps what a truncated transcript said before the cut, and records the step as degraded with the file and line', async () => {
    const world = stepWorld();
    await world.blobs.put(SIBLING_VTT, `${VTT}\n00:00:09.000 --> 00:00:10.000\n<v Brok`, 'text/vtt');

    expect(await transcribe(world.deps, input())).toMatchObject({ utterances: 2 });

    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({
      state: 'succeeded',
      degraded: [{ reason: expect.stringMatching(new RegExp(`^${SIBLING_VTT.replace(/\./g, '\\.')} line 10: .*left out of the transcript$`)) }],
    });
  });

  it("lets a provider's error through for the state machine to retry, and counts the retry's attempt", async () => {
    const transcriber = deepgram();
    transcriber.error = new ProviderUnavailableError('deepgram answered 503');
    const world = stepWorld({ transcriber });

    await expect(transcribe(world.deps, input())).rejects.toThrow(transcriber.error);
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'failed', attempt: 1, detail: 'ProviderUnavailableError: deepgram answered 503' });
    expect(world.taskTokens.succeeded).toEqual([]);
    expect(await storedTranscript(world)).toBeNull();

    transcriber.error = null;
    await transcribe(world.deps, input());
    expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'succeeded', attempt: 2 });
  });

  it('says what to configure when there is neither a transcript nor a provider (or no second provider)', async () => {
    const world = stepWorld();
    await expect(transcribe(world.deps, input())).rejects.toMatchObject({ name: 'NoTranscriberError', message: expect.stringContaining(`looked for ${SIBLING_VTT}`) });
    await expect(transcribe(world.deps, input())).rejects.toThrow('set DEEPGRAM_API_KEY');
    await expect(transcribe(world.deps, input({ transcriber: 'secondary', primaryError: { Error: 'ProviderUnavailableError', Cause: 'deepgram 503' } }))).rejects.toMatchObject({
      name: 'NoTranscriberError',
      message: expect.stringContaining('(ProviderUnavailableError: deepgram 503) and no second transcriber is configured (set OPENAI_API_KEY)'),
    });
  });

  describe('with provider callbacks', () => {
    const callbacks = { baseUrl: 'https://aftercall.example.com/api', secret: 'callback-secret' };

    it('hands the recording over with a signed callback URL, remembers the request and leaves the task waiting', async () => {
      const transcriber = new CallbackScriptedTranscriber('deepgram:nova-3', () => transcriptFor(meetingOf()));
      const world = stepWorld({ transcriber, callbacks });
      const meeting = meetingOf();

      const result = await transcribe(world.deps, input());

      expect(result).toEqual({ submitted: { requestId: 'req-1', provider: 'deepgram:nova-3' } });
      expect(transcriber.requests).toEqual([]);
      const [submitted] = transcriber.submitted;
      expect(submitted).toMatchObject({ meetingId: meeting.meetingId, recordingKey: RECORDING, callbackMethod: 'POST' });
      const url = new URL(submitted?.callbackUrl ?? '');
      expect(`${url.origin}${url.pathname}`).toBe('https://aftercall.example.com/api/callbacks/deepgram');
      const params = { tenant: url.searchParams.get('tenant') ?? '', meeting: url.searchParams.get('meeting') ?? '', run: url.searchParams.get('run') ?? '', sig: url.searchParams.get('sig') ?? '' };
      expect(params).toMatchObject({ tenant: meeting.tenantId, meeting: meeting.meetingId, run: 'run-1' });
      expect(isValidCallbackSignature(callbacks.secret, params)).toBe(true);
      expect(await findJson(world.blobs, pendingTranscriptionKey(PREFIX), PendingTranscriptionSchema)).toEqual({ meeting, taskToken: 'token-1', requestId: 'req-1', transcriber: 'primary', provider: 'deepgram:nova-3' });
      expect(world.taskTokens.succeeded).toEqual([]);
      expect(await stepStatusOf(world.blobs, 'transcribe')).toMatchObject({ state: 'running', detail: 'waiting for deepgram:nova-3 to post the transcript (request req-1)' });
      expect(await storedTranscript(world)).toBeNull();
    });

    it('asks for a PUT straight into the results folder when the deployment can presign one', async () => {
      const transcriber = new CallbackScriptedTranscriber('deepgram:nova-3', () => transcriptFor(meetingOf()));
      const signed: string[] = [];
      const resultUploadUrl = async (key: string) => {
        signed.push(key);
        return `https://bucket.example.com/${key}?X-Amz-Signature=abc`;
      };
      const world = stepWorld({ transcriber, callbacks: { ...callbacks, resultUploadUrl } });

      await transcribe(world.deps, input());

      expect(signed).toEqual([at(resultFiles.transcriptionResult)]);
      expect(transcriber.submitted[0]).toMatchObject({ callbackUrl: `https://bucket.example.com/${at(resultFiles.transcriptionResult)}?X-Amz-Signature=abc`, callbackMethod: 'PUT' });
    });

    it('still imports a transcript beside the recording synchronously, and a provider without callbacks answers at once', async () => {
      const world = stepWorld({ transcriber: new CallbackScriptedTranscriber('deepgram:nova-3', () => transcriptFor(meetingOf())), callbacks });
      await world.blobs.put(SIBLING_VTT, VTT, 'text/vtt');
      expect(await transcribe(world.deps, input())).toMatchObject({ source: 'import:vtt' });

      const plain = stepWorld({ transcriber: deepgram(), callbacks });
      expect(await transcribe(plain.deps, input())).toMatchObject({ source: 'deepgram:nova-3' });
      expect(plain.taskTokens.succeeded).toHaveLength(1);
    });
  });

  it('transcribes a folder of tracks one participant at a time, labelled by participant and merged by time', async () => {
    const FOLDER = 'rooms/standup/RM_1/tracks/';
    const meeting = meetingOf({ recordingKey: FOLDER });
    const bobSays = new ScriptedTranscriber('deepgram:nova-3', (request) => ({
      ...transcriptFor(meeting, [['Speaker 0', 'I will send the budget.']]),
      utterances: [{ id: 'u0', speakerId: 'spk_0', startMs: 3000, endMs: 5000, text: 'I will send the budget.', confidence: 0.9, words: [] }],
      source: { kind: 'deepgram', detail: 'nova-3', key: request.recordingKey },
    }));
    const world = stepWorld({ transcriber: bobSays });
    await world.blobs.put(`${FOLDER}ann-TR_a1.wav`, wavRecording(), 'audio/wav');
    await world.blobs.put(`${FOLDER}ann-TR_a1.vtt`, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGood morning.\n', 'text/vtt');
    await world.blobs.put(`${FOLDER}bob-TR_b2.wav`, wavRecording(), 'audio/wav');

    await transcribe(world.deps, input({ meeting }));

    // Only the track without a transcript beside it goes to the provider.
    expect(bobSays.requests.map((r) => r.recordingKey)).toEqual([`${FOLDER}bob-TR_b2.wav`]);
    const transcript = await findJson(world.blobs, `${meeting.resultPrefix}${resultFiles.transcriptJson}`, TranscriptSchema);
    const nameOf = (speakerId: string) => transcript?.speakers.find((s) => s.id === speakerId)?.name;
    expect(transcript?.utterances.map((u) => [nameOf(u.speakerId), u.text])).toEqual([
      ['ann', 'Good morning.'],
      ['bob', 'I will send the budget.'],
    ]);
  });
});
