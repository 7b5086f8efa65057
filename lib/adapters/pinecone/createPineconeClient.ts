import { Pinecone } from '@pinecone-database/pinecone';
import { observingFetch } from './httpExchange.js';

/** Long enough for a 2 MB upsert on a slow link; short against a step's Lambda budget. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface PineconeClientOptions {
  apiKey: string;
  /** The control plane; the SDK defaults to https://api.pinecone.io. A local server needs its scheme (http://). */
  controllerHostUrl?: string | undefined;
  requestTimeoutMs?: number | undefined;
}

/**
 * The client PineconeVectorIndex expects. SDK v8 retries 5xx responses itself (`maxRetries`
 * defaults to 3: up to four attempts, 200/400/800 ms back-off); here it makes exactly one, because
 * retries live in one place: the state machine's Retry on the Index step, which sees a
 * ProviderUnavailableError. Network errors and 429 the SDK never retries anyway.
 */
export function createPineconeClient(options: PineconeClientOptions): Pinecone {
  return new Pinecone({
    apiKey: options.apiKey,
    ...(options.controllerHostUrl === undefined ? {} : { controllerHostUrl: options.controllerHostUrl }),
    maxRetries: 0,
    fetchApi: observingFetch(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
  });
}
