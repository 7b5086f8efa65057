import { LanceVectorIndex } from '../adapters/lancedb/LanceVectorIndex.js';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { vectorIndexUri, type Config } from '../config/config.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { ExtractiveUnderstander } from '../domain/understanding/ExtractiveUnderstander.js';
import { DEFAULT_PRICES } from '../domain/usage/priceTable.js';
import type { TaskTokens } from '../domain/ports/TaskTokens.js';
import type { StepDeps } from '../domain/workflow/StepDeps.js';

export interface BuiltStepDeps extends StepDeps {
  close(): Promise<void>;
}

/**
 * The composition root: picks an adapter for every port from configuration alone. Providers
 * that need keys (Deepgram, OpenAI, Pinecone) plug in here; without keys the embedded
 * defaults answer.
 */
export async function buildStepDeps(config: Config, options: { s3Endpoint?: string; taskTokens: TaskTokens }): Promise<BuiltStepDeps> {
  const s3 = createS3Client({ region: config.AWS_REGION, endpoint: options.s3Endpoint ?? config.AFTERCALL_S3_ENDPOINT });
  const embedder = new HashedTermEmbedder();
  const vectorIndex = await LanceVectorIndex.open(vectorIndexUri(config), embedder.dimensions);
  return {
    blobs: new S3BlobStore(s3, config.AFTERCALL_BUCKET),
    transcriber: null,
    secondaryTranscriber: null,
    taskTokens: options.taskTokens,
    callbacks:
      config.AFTERCALL_PUBLIC_URL !== undefined && config.AFTERCALL_CALLBACK_SECRET !== undefined
        ? { baseUrl: config.AFTERCALL_PUBLIC_URL, secret: config.AFTERCALL_CALLBACK_SECRET }
        : null,
    translator: null,
    understander: new ExtractiveUnderstander(),
    embedder,
    vectorIndex,
    clock: () => new Date(),
    prices: config.AFTERCALL_PRICES ?? DEFAULT_PRICES,
    limits: { maxRecordingBytes: config.AFTERCALL_MAX_RECORDING_BYTES },
    close: async () => {
      await vectorIndex.close();
      s3.destroy();
    },
  };
}
