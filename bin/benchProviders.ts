import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signedEgressEndedWebhook } from '../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { EMBEDDED_DEFAULTS } from '../lib/config/embeddedDefaults.js';
import { silentWav } from '../lib/bench/silentWav.js';
import { startLocalStack } from '../lib/composition/local.js';
import { loadConfig } from '../lib/config/config.js';
import { deriveMeetingId } from '../lib/domain/meetings/meetingId.js';
import { tenantSettingsKey } from '../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../lib/domain/meetings/meetingView.js';
import { importTranscript } from '../lib/domain/transcript/importTranscript.js';
import { startFakeDeepgramServer, turnsFromTranscript } from '../test/support/fakes/fakeDeepgramServer.js';
import { startFakeOpenAiServer } from '../test/support/fakes/fakeOpenAiServer.js';
import { startFakePineconeServer } from '../test/support/fakes/fakePineconeServer.js';

export interface ProviderRun {
  meetingMinutes: number;
  wallMs: number;
  state: string;
  understandInputTokens: number;
  translateInputTokens: number;
  transcriptTokens: number;
  costUsd: number;
  unpriced: string[];
  steps: { name: string; durationMs: number | null }[];
}

export interface Latency {
  /** Deepgram: ms of processing per hour of audio. */
  deepgramMsPerAudioHour: number;
  firstTokenMs: number;
  tokensPerSecond: number;
  embeddingBatchMs: number;
  pineconeMs: number;
}

export const REALISTIC: Latency = { deepgramMsPerAudioHour: 30_000, firstTokenMs: 400, tokensPerSecond: 60, embeddingBatchMs: 200, pineconeMs: 30 };
export const INSTANT: Latency = { deepgramMsPerAudioHour: 0, firstTokenMs: 0, tokensPerSecond: 1e9, embeddingBatchMs: 0, pineconeMs: 0 };

/**
 * One meeting from a signed LiveKit webhook to its manifest, with every provider played by a
 * wire-format server on loopback answering at the given speeds, and French as a target language.
 */
export async function benchProviders(vttPath: string, dataDir: string, latency: Latency): Promise<ProviderRun> {
  const transcript = await importTranscript(await readFile(vttPath, 'utf8'), 'vtt', { meetingId: 'bench', key: vttPath });
  const audioSeconds = transcript.durationMs / 1000;
  const deepgram = await startFakeDeepgramServer({
    apiKey: 'dg-bench',
    turns: turnsFromTranscript(transcript),
    durationSeconds: audioSeconds,
    latencyMs: (seconds) => (seconds / 3600) * latency.deepgramMsPerAudioHour,
  });
  const openai = await startFakeOpenAiServer({
    apiKey: 'sk-bench',
    embeddingDimensions: 512,
    latency: { firstTokenMs: latency.firstTokenMs, tokensPerSecond: latency.tokensPerSecond, embeddingBatchMs: latency.embeddingBatchMs },
  });
  const pinecone = await startFakePineconeServer({ apiKey: 'pc-bench', indexName: 'aftercall', dimension: 512, latencyMs: latency.pineconeMs });
  const config = loadConfig({
    AFTERCALL_DATA_DIR: dataDir,
    DEEPGRAM_API_KEY: 'dg-bench',
    DEEPGRAM_BASE_URL: deepgram.url,
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: openai.url,
    OPENAI_EMBEDDING_DIMENSIONS: '512',
    PINECONE_API_KEY: 'pc-bench',
    PINECONE_CONTROLLER_URL: pinecone.url,
  });
  const stack = await startLocalStack(config, { http: true, port: 0, watchBucket: false, log: () => undefined });
  try {
    const tenantId = config.AFTERCALL_DEFAULT_TENANT;
    await stack.deps.blobs.put(tenantSettingsKey(tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr'] }), 'application/json');
    const key = 'rooms/bench/recording.wav';
    await stack.deps.blobs.put(key, silentWav(1), 'audio/wav');
    const webhook = await signedEgressEndedWebhook({ ...EMBEDDED_DEFAULTS.livekitDevKeys, bucket: config.AFTERCALL_BUCKET, key, roomName: 'bench' });

    const started = performance.now();
    const response = await fetch(`${stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: webhook.authorization }, body: webhook.body });
    if (response.status !== 202) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
    const meetingId = deriveMeetingId(tenantId, key);
    // A run is named after the meeting and the versions of its files: wait for the meeting's runs.
    const runs = await stack.runner.executionsOf(meetingId);
    if (runs.length === 0) throw new Error(`the webhook started no run of ${meetingId}`);
    for (const name of runs) await stack.runner.wait(name);
    const wallMs = performance.now() - started;

    const meeting = await getMeeting(stack.deps.blobs, tenantId, meetingId);
    const tokens = (step: string) =>
      (meeting?.manifest?.usage ?? []).filter((u) => u.step.startsWith(step) && u.unit === 'input_tokens').reduce((sum, u) => sum + u.quantity, 0);
    const spokenChars = transcript.utterances.reduce((sum, u) => sum + u.text.length, 0);
    return {
      meetingMinutes: transcript.durationMs / 60_000,
      wallMs,
      state: meeting?.state ?? 'missing',
      understandInputTokens: tokens('understand'),
      translateInputTokens: tokens('translate'),
      // The same estimate the fake bills by (characters / 4), so the ratio compares like with like.
      transcriptTokens: spokenChars / 4,
      costUsd: meeting?.manifest?.cost.estimated ?? 0,
      unpriced: meeting?.manifest?.cost.unpriced ?? [],
      steps: (meeting?.manifest?.steps ?? []).map((step) => ({ name: step.name, durationMs: step.durationMs })),
    };
  } finally {
    await stack.close();
    await Promise.all([deepgram.close(), openai.close(), pinecone.close()]);
  }
}

export const benchMeetingPath = (corpusDir: string, meeting: string): string => join(corpusDir, `${meeting}.vtt`);
