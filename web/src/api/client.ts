import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, loadSettings, type Settings } from '../api.js';
import type { paths } from './schema.js';

/**
 * The typed client of the aftercall API: every path, parameter, body and answer comes from the
 * OpenAPI document (schema.d.ts, `npm run gen:api`), so a page that calls a path the document
 * does not have, or reads an answer wrongly, fails `tsc -p web`.
 *
 * The document's paths are written without its server prefix (`servers: [{ url: '/api' }]`):
 * `api().GET('/meetings')` asks `<base URL>/api/meetings`.
 */
// Answers are read as JSON unless a call asks for bytes (`parseAs: 'blob'`): the typed answer of a
// route that also speaks another media type (the transcript's WebVTT) is its JSON one.
export type ApiClient = Client<paths, 'application/json'>;

const API_PREFIX = '/api';

/**
 * A client for the signed-in key (or the open share link), or for `settings` being tried at sign-in.
 * Made per call because the base URL is part of a client and changes with the settings; the
 * middleware below is the same for every one.
 */
export function api(settings: Settings | null = loadSettings()): ApiClient {
  const client = createClient<paths, 'application/json'>({ baseUrl: `${settings?.baseUrl ?? ''}${API_PREFIX}`, credentials: 'omit' });
  client.use(keyHeader(settings), readableErrors(settings));
  return client;
}

/** The key (or share token) goes in the Authorization header, never into a URL. */
const keyHeader = (settings: Settings | null): Middleware => ({
  onRequest({ request }) {
    if (settings === null) throw new ApiError(401, 'Sign in with an API key first.');
    request.headers.set('Authorization', `Bearer ${settings.apiKey}`);
    return request;
  },
});

/**
 * Every failure becomes an ApiError a person can read, thrown: pages get an answer or an error,
 * never a response to look into.
 */
const readableErrors = (settings: Settings | null): Middleware => ({
  // The browser's own text ("TypeError: Failed to fetch") tells a person nothing: say what it means.
  onError: ({ error }) => new ApiError(0, `Could not reach aftercall at ${settings?.baseUrl || location.origin}`, { cause: error }),
  async onResponse({ response }) {
    if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
    return undefined;
  },
});

/** The API's errors are `{error:{status,message}}`; anything else gets the status text. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return `${response.status} ${response.statusText}`.trim();
}

/**
 * The answer of a call. The middleware has thrown for every failure, so what arrives here
 * succeeded; its data is the document's answer for that path and status.
 */
export async function answer<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
