import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiTranscriber } from '../../../lib/adapters/openai/OpenAiTranscriber.js';
import { ProviderUnavailableError, RecordingNotFoundError } from '../../../lib/domain/errors.js';
import { TranscriptSchema } from '../../../lib/domain/transcript/schema.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import type { FakeTranscriptionSegment } from '../../support/fakes/fakeOpenAiServer.js';
import { startHarness, type Harness } from './support.js';

const RECORDING = 'tenants/t1/recordings/standup.mp3';
const AUDIO = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 1, 2, 3]);
const heard: { duration: number; segments: FakeTranscriptionSegment[] } = {
  duration: 95.5,
  segments: [
    { speaker: 'A', start: 0.4, end: 3.2, text: ' Good morning, everyone.' },
    { speaker: 'B', start: 3.5, end: 7.25, text: ' Morning. The release is ready.' },
    { speaker: 'A', start: 8, end: 95.5, text: ' Great, then we ship today.' },
  ],
};

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

async function setup(options: { model?: string; language?: string } = {}) {
  harness = await startHarness({ transcription: heard });
  const getBytes = async (key: string) => (key === RECORDING ? AUDIO : null);
  return { server: harness.server, transcriber: new OpenAiTranscriber({ client: harness.client, getBytes, ...options }) };
}

describe('OpenAiTranscriber through the SDK against a local OpenAI server', () => {
  it('uploads the recording to the diarizing model and maps its speaker segments to the canonical transcript', async () => {
    const { server, transcriber } = await setup();

    const { value: transcript, account } = await withStepAccount(() => transcriber.transcribe({ meetingId: 'm1', recordingKey: RECORDING }));

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/audio/transcriptions');
    expect(server.requests[0]?.body).toMatchObject({
      model: 'gpt-4o-transcribe-diarize',
      response_format: 'diarized_json',
      chunking_strategy: 'auto',
      file: { name: 'standup.mp3', size: AUDIO.byteLength },
    });
    expect(TranscriptSchema.parse(transcript)).toEqual(transcript);
    expect(transcript.source).toEqual({ kind: 'openai', detail: 'gpt-4o-transcribe-diarize', key: RECORDING });
    expect(transcript.speakers).toEqual([
      { id: 'spk_0', name: 'Speaker A' },
      { id: 'spk_1', name: 'Speaker B' },
    ]);
    expect(transcript.utterances.map((u) => [u.id, u.speakerId, u.startMs, u.endMs, u.text])).toEqual([
      ['u0', 'spk_0', 400, 3200, 'Good morning, everyone.'],
      ['u1', 'spk_1', 3500, 7250, 'Morning. The release is ready.'],
      ['u2', 'spk_0', 8000, 95_500, 'Great, then we ship today.'],
    ]);
    expect(transcript.durationMs).toBe(95_500);
    expect(account.usage).toEqual([{ provider: 'openai', model: 'gpt-4o-transcribe-diarize', unit: 'audio_minutes', quantity: 95.5 / 60 }]);
    expect(transcriber.name).toBe('openai:gpt-4o-transcribe-diarize');
  });

  it('asks whisper-1 for verbose_json segments: one speaker, the language as a code, billed seconds', async () => {
    const { server, transcriber } = await setup({ model: 'whisper-1' });

    const { value: transcript, account } = await withStepAccount(() => transcriber.transcribe({ meetingId: 'm1', recordingKey: RECORDING }));

    expect(server.requests[0]?.body).toMatchObject({ model: 'whisper-1', response_format: 'verbose_json' });
    expect(server.requests[0]?.body).not.toHaveProperty('chunking_strategy');
    expect(transcript.speakers).toEqual([{ id: 'spk_0', name: 'Speaker' }]);
    expect(transcript.utterances).toHaveLength(3);
    expect(transcript.language).toBe('en');
    expect(account.usage[0]).toMatchObject({ unit: 'audio_minutes', quantity: 96 / 60 });
  });

  it('passes a language hint through', async () => {
    const { server, transcriber } = await setup({ language: 'de' });
    const transcript = await transcriber.transcribe({ meetingId: 'm1', recordingKey: RECORDING });
    expect(server.requests[0]?.body).toMatchObject({ language: 'de' });
    expect(transcript.language).toBe('de');
  });

  it('fails without a call when the recording does not exist', async () => {
    const { server, transcriber } = await setup();
    await expect(transcriber.transcribe({ meetingId: 'm1', recordingKey: 'missing.mp3' })).rejects.toBeInstanceOf(RecordingNotFoundError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses models that answer without timestamps', async () => {
    const { client } = (harness = await startHarness());
    const getBytes = async () => AUDIO;
    expect(() => new OpenAiTranscriber({ client, getBytes, model: 'gpt-4o-transcribe' })).toThrow(/without timestamps/);
    expect(() => new OpenAiTranscriber({ client, getBytes, model: 'gpt-4o-mini-transcribe' })).toThrow(/without timestamps/);
  });

  it('maps a server error to a transient error, without retrying (the workflow retries the step)', async () => {
    const { server, transcriber } = await setup();
    server.setFault({ kind: 'status', status: 502 });
    await expect(transcriber.transcribe({ meetingId: 'm1', recordingKey: RECORDING })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(server.requests).toHaveLength(1);
  });
});
