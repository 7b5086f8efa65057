import { importTranscript } from '../../lib/domain/transcript/importTranscript.js';
import { startFakeDeepgramServer, turnsFromTranscript, type FakeDeepgramServer } from '../support/fakes/fakeDeepgramServer.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakes/fakeOpenAiServer.js';
import { startFakePineconeServer, type FakePineconeServer } from '../support/fakes/fakePineconeServer.js';
import { sampleBytes } from '../support/localStackFixture.js';

/** Deepgram, OpenAI and Pinecone as wire-format servers on loopback, and the settings that point the stack at them. */
export interface ProviderFakes {
  deepgram: FakeDeepgramServer;
  openai: FakeOpenAiServer;
  pinecone: FakePineconeServer;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startProviderFakes(): Promise<ProviderFakes> {
  const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
  const transcript = await importTranscript(vtt, 'vtt', { meetingId: 'script', key: 'script.vtt' });
  const deepgram = await startFakeDeepgramServer({ apiKey: 'dg-test-key', turns: turnsFromTranscript(transcript) });
  const openai = await startFakeOpenAiServer({ apiKey: 'sk-test-key', embeddingDimensions: 256 });
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
