import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { TranslationSchema } from '../../lib/domain/transcript/translationSchema.js';
import { ActionItemsSchema, SummarySchema } from '../../lib/domain/understanding/schema.js';
import { defaultBrain, type Brain } from '../support/fakes/fakeOpenAiBrain.js';
import { startProviderFakes, type Fakes } from '../support/fakes/providerFakes.js';
import { freePort } from '../support/freePort.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/** German translations come back with ids that do not exist: one language of the Map fails, the others publish. */
const brainFailingGerman: Brain = (request) => {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  if (typeof system === 'string' && system.includes('German')) return { segments: [{ id: 'u999999', text: 'kaputt' }] };
  return defaultBrain(request);
};

const startFakes = () => startProviderFakes(brainFailingGerman);

const readJson = async (fixture: StackFixture, key: string): Promise<unknown> => JSON.parse((await fixture.stack.deps.blobs.getText(key)) ?? 'null');

describe('the workflow with Deepgram, OpenAI and Pinecone (wire-format servers on loopback)', () => {
  let fakes: Fakes;
  let fixture: StackFixture;

  beforeAll(async () => {
    fakes = await startFakes();
    fixture = await startStackFixture({ http: true, port: 0, env: fakes.env });
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr', 'de'] }), 'application/json');
  });
  afterAll(async () => {
    await fixture.close();
    await fakes.close();
  });

  it('transcribes, translates, understands, indexes and accounts for a recording with no transcript beside it', async () => {
    const meeting = await fixture.process('calls/providers.wav', silentWav(2));
    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(false);

    const transcript = TranscriptSchema.parse(await readJson(fixture, 'calls/providers.wav.aftercall/transcript.json'));
    expect(transcript.source.kind).toBe('deepgram');
    expect(transcript.speakers.map((s) => s.name)).toEqual(['Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3']);
    expect(transcript.utterances.every((u) => u.words.length > 0)).toBe(true);
    const listen = fakes.deepgram.requests.at(-1);
    expect(listen?.query.get('model')).toBe('nova-3');
    expect(listen?.query.get('diarize')).toBe('true');
    expect(listen?.body.kind).toBe('audio');

    const summary = SummarySchema.parse(await readJson(fixture, 'calls/providers.wav.aftercall/summary.json'));
    expect(summary.engine).toContain('gpt-4o-mini');
    ActionItemsSchema.parse(await readJson(fixture, 'calls/providers.wav.aftercall/action-items.json'));

    const french = TranslationSchema.parse(await readJson(fixture, 'calls/providers.wav.aftercall/translations/fr.json'));
    expect(french.utterances.map((u) => u.id)).toEqual(transcript.utterances.map((u) => u.id));
    expect(await fixture.stack.deps.blobs.getText('calls/providers.wav.aftercall/translations/fr.vtt')).toMatch(/^WEBVTT/);
    expect(meeting.manifest?.translations).toEqual([
      { language: 'de', state: 'failed', reason: expect.stringContaining('ProviderUnavailableError') },
      { language: 'fr', state: 'succeeded', reason: null },
    ]);
    expect(await fixture.stack.deps.blobs.head('calls/providers.wav.aftercall/translations/de.json')).toBeNull();

    expect(fakes.pinecone.vectors(`tenant-${fixture.tenantId}`).length).toBe(meeting.manifest?.counts.indexedDocuments);
    const search = await fetch(`${fixture.stack.httpUrl}/api/search?q=remote+control`, { headers: { Authorization: `Bearer ${await fixture.apiKey()}` } });
    const { hits } = (await search.json()) as { hits: { meetingId: string }[] };
    expect(hits[0]?.meetingId).toBe(meeting.meetingId);

    const units = new Set(meeting.manifest?.usage.map((u) => `${u.step}:${u.provider}:${u.unit}`));
    expect(units).toContain('transcribe:deepgram:audio_minutes');
    expect(units).toContain('understand:openai:input_tokens');
    expect(units).toContain('understand:openai:output_tokens');
    expect(units).toContain('index:openai:embedding_tokens');
    expect(meeting.manifest?.cost.estimated).toBeGreaterThan(0);
    expect(meeting.manifest?.engines.transcript).toBe('deepgram:nova-3');
  });

  it("sends the tenant's PII redaction to Deepgram and redacts imported transcripts too", async () => {
    await fixture.stack.deps.blobs.put(
      tenantSettingsKey(fixture.tenantId),
      JSON.stringify({ schemaVersion: 1, targetLanguages: [], piiRedaction: ['card_numbers', 'ssn'] }),
      'application/json',
    );
    const transcribed = await fixture.process('calls/pii.wav', silentWav(2));
    const redact = fakes.deepgram.requests.at(-1)?.query.getAll('redact');
    expect(redact?.sort()).toEqual(['pci', 'ssn']);
    expect(transcribed.state).toBe('ready');

    const imported = await fixture.process('calls/pii-import.wav', silentWav(2), {
      ext: 'vtt',
      text: 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Charge 4111 1111 1111 1111 and note SSN 123-45-6789.</v>\n',
    });
    const transcript = TranscriptSchema.parse(await readJson(fixture, 'calls/pii-import.wav.aftercall/transcript.json'));
    expect(transcript.utterances[0]?.text).toBe('Charge [card number] and note SSN [SSN].');
    expect(JSON.stringify(fakes.openai.requests.slice(-3))).not.toContain('4111');
    expect(imported.state).toBe('ready');
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr', 'de'] }), 'application/json');
  });

  it('falls back to the extractive engine when the model keeps failing, and marks the meeting degraded', async () => {
    fakes.openai.setFault({ kind: 'status', status: 500 }, { times: 50, path: '/chat/completions' });
    const meeting = await fixture.process('calls/degraded.wav', silentWav(2));
    fakes.openai.setFault({ kind: 'status', status: 500 }, { times: 0 });

    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(true);
    expect(meeting.manifest?.degraded).toEqual([{ step: 'understand', reason: expect.stringContaining('used aftercall-extractive@1') }]);
    const summary = SummarySchema.parse(await readJson(fixture, 'calls/degraded.wav.aftercall/summary.json'));
    expect(summary.engine).toBe('aftercall-extractive@1');
  });

  it('hands over to the second transcriber when Deepgram fails persistently', async () => {
    fakes.deepgram.setFault({ kind: 'status', status: 503, times: 100 });
    const meeting = await fixture.process('calls/secondary.wav', silentWav(2));
    fakes.deepgram.setFault(null);

    expect(meeting.state).toBe('ready');
    const transcript = TranscriptSchema.parse(await readJson(fixture, 'calls/secondary.wav.aftercall/transcript.json'));
    expect(transcript.source.kind).toBe('openai');
    const transcribeSteps = meeting.manifest?.steps.filter((s) => s.step === 'transcribe');
    expect(transcribeSteps?.[0]?.attempt).toBeGreaterThan(1);
    expect(meeting.manifest?.retries).toBeGreaterThan(0);
  });

  it('publishes when Pinecone is down during indexing, with a warning to reindex', async () => {
    fakes.pinecone.setFault({ status: 503, count: 100 });
    const meeting = await fixture.process('calls/no-pinecone.wav', silentWav(2));
    fakes.pinecone.setFault({ status: 503, count: 0 });

    expect(meeting.state).toBe('ready');
    expect(meeting.manifest?.warnings).toContainEqual({ step: 'index', message: expect.stringContaining('aftercall reindex') });
  });
});

describe('long recordings: Deepgram posts the transcript to a callback while the workflow waits on a task token', () => {
  let fakes: Fakes;
  let fixture: StackFixture;

  beforeAll(async () => {
    fakes = await startFakes();
    const port = await freePort();
    fixture = await startStackFixture({
      http: true,
      port,
      env: { ...fakes.env, AFTERCALL_PUBLIC_URL: `http://127.0.0.1:${port}`, AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-some-length' },
    });
  });
  afterAll(async () => {
    await fixture.close();
    await fakes.close();
  });

  it('completes the meeting from the callback, with no function waiting on Deepgram', async () => {
    const meeting = await fixture.process('calls/long.wav', silentWav(2));

    expect(meeting.state).toBe('ready');
    const submit = fakes.deepgram.requests.at(-1);
    // A presigned PUT into the bucket beside the recording (see s3ResultCallback.test.ts); the POST route stays for requests in flight.
    expect(submit?.query.get('callback')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/aftercall-recordings\/calls\/long\.wav\.aftercall\/steps\/transcribe\.result\.json\?X-Amz-Algorithm=AWS4-HMAC-SHA256&/);
    expect(fakes.deepgram.callbacks).toEqual([expect.objectContaining({ method: 'PUT', status: 200 })]);
    const transcript = TranscriptSchema.parse(await readJson(fixture, 'calls/long.wav.aftercall/transcript.json'));
    expect(transcript.source.kind).toBe('deepgram');
    expect(await fixture.stack.deps.blobs.head('calls/long.wav.aftercall/steps/transcribe.pending.json')).toBeNull();
  });

  it('refuses a callback whose URL we did not sign', async () => {
    const response = await fetch(`${fixture.stack.httpUrl}/callbacks/deepgram?tenant=demo&meeting=mtg_000000000000000000000000&run=x&sig=${'0'.repeat(64)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ results: {} }),
    });
    expect(response.status).toBe(401);
  });
});
