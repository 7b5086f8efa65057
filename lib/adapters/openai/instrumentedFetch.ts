import { countRetry } from '../../domain/usage/usageMeter.js';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The fetch the SDK calls for every attempt. The SDK is the one place that retries a provider
 * call; this wrapper only makes that visible and bounded:
 * - each retry is counted on the calling step's account (the SDK numbers its attempts in the
 *   `x-stainless-retry-count` header);
 * - a `retry-after` longer than the cap is a quota or an outage, not a blip: the SDK would sleep
 *   that long inside a Lambda, so the response is marked `x-should-retry: false` (a header the
 *   SDK obeys) and the error reaches the workflow at once.
 */
export function instrumentedFetch(options: { maxRetryAfterSeconds: number; fetch?: Fetch }): Fetch {
  const base = options.fetch ?? globalThis.fetch;
  const capMs = options.maxRetryAfterSeconds * 1000;
  return async (input, init) => {
    const attempt = Number(new Headers(init?.headers).get('x-stainless-retry-count') ?? '0');
    if (attempt > 0) countRetry();
    const response = await base(input, init);
    const waitMs = retryAfterMs(response.headers);
    if (waitMs === null || waitMs <= capMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

// The same reading as the SDK's: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date.
function retryAfterMs(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date - Date.now();
}
