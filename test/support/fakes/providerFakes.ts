import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { sampleBytes } from '../localStackFixture.js';
import { startFakeDeepgramServer, turnsFromTranscript, type FakeDeepgramServer } from './fakeDeepgramServer.js';
import { defaultBrain, type Brain } from './fakeOpenAiBrain.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fakeOpenAiServer.js';
import { startFakePineconeServer, type FakePineconeServer } from './fakePineconeServer.js';

// Every provider is the real SDK talking to a wire-format server on loopback: no keys, no internet.
export interface Fakes {
  deepgram: FakeDeepgramServer;
  openai: FakeOpenAiServer;
  pinecone: FakePineconeServer;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Deepgram, OpenAI and Pinecone on loopback, and the environment that points aftercall at them. */
export async function startProviderFakes(brain: Brain = defaultBrain): Promise<Fakes> {
  const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
  const transcript = await importTranscript(vtt, 'vtt', { meetingId: 'script', key: 'script.vtt' });
  const deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: turnsFromTranscript(transcript) });
  const openai = await startFakeOpenAiServer({
    apiKey: 'sk-test-key',
    brain,
    embeddingDimensions: 256,
    transcription: { segments: transcript.utterances.slice(0, 5).map((u) => ({ speaker: 'A', start: u.startMs / 1000, end: u.endMs / 1000, text: u.text })) },
  });
  const pinecone = await startFakePineconeServer({ apiKey: 'pc-test-key', indexName: 'aftercall', dimension: 256 });
  return {
    deepgram,
    openai,
    pinecone,
    env: {
      DEEPGRAM_API_KEY: 'dg-test-key',
      DEEPGRAM_BASE_URL: deepgram.url,
      OPENAI_API_KEY: 'sk-test-key',
      OPENAI_BASE_URL: openai.url,
      OPENAI_EMBEDDING_DIMENSIONS: '256',
      PINECONE_API_KEY: 'pc-test-key',
      PINECONE_CONTROLLER_URL: pinecone.url,
      PINECONE_INDEX: 'aftercall',
    },
    close: async () => {
      await Promise.all([deepgram.close(), openai.close(), pinecone.close()]);
    },
  };
}
