import { DeepgramClient } from '@deepgram/sdk';

/**
 * The Deepgram client the transcriber is built with. Retries are off: left on, the SDK retries
 * 408, 429 and 5xx twice with backoff inside one Lambda invocation, on top of the state
 * machine's own Retry on ProviderUnavailableError — attempts multiply, a rate limit is hidden
 * from the run's record, and the Lambda pays for the waiting. Retries live in the workflow only.
 * (DeepgramTranscriber also passes maxRetries 0 on every request, for clients built elsewhere.)
 */
export function createDeepgramClient(options: { apiKey: string; baseUrl?: string | undefined }): DeepgramClient {
  return new DeepgramClient({
    apiKey: options.apiKey,
    maxRetries: 0,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  });
}
