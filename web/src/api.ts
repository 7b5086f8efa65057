/**
 * Talks to the aftercall API with the signed-in key in an Authorization header. The key and
 * the API's base URL live in localStorage, so the same static files work served by the app
 * (same origin) or from S3/CloudFront (another origin). Secrets never go into URLs.
 */
const KEY_ITEM = 'aftercall.apiKey';
const BASE_ITEM = 'aftercall.apiBase';

export interface Settings {
  apiKey: string;
  /** No trailing slash; empty means the origin the UI was served from. */
  baseUrl: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A share link's token, while its page is open: it stands for the key, for its one meeting's routes. */
let shareToken: string | null = null;
export function useShareToken(token: string | null): void {
  shareToken = token;
}

/** Is the page open through a share link (no key, one meeting)? */
export const isSharedView = (): boolean => shareToken !== null;

export function loadSettings(): Settings | null {
  if (shareToken !== null) return { apiKey: shareToken, baseUrl: '' };
  const apiKey = localStorage.getItem(KEY_ITEM);
  return apiKey === null || apiKey === '' ? null : { apiKey, baseUrl: localStorage.getItem(BASE_ITEM) ?? '' };
}

export function saveSettings(settings: Settings): void {
  localStorage.setItem(KEY_ITEM, settings.apiKey);
  localStorage.setItem(BASE_ITEM, settings.baseUrl.replace(/\/+$/, ''));
}

export function clearSettings(): void {
  localStorage.removeItem(KEY_ITEM);
}

export async function apiFetch(path: string, init: RequestInit = {}, settings = loadSettings()): Promise<Response> {
  if (settings === null) throw new ApiError(401, 'Sign in with an API key first.');
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${settings.apiKey}`);
  let response: Response;
  try {
    response = await fetch(`${settings.baseUrl}${path}`, { ...init, headers, credentials: 'omit' });
  } catch (error) {
    // The browser's own text ("TypeError: Failed to fetch") tells a person nothing: say what it means.
    throw new ApiError(0, `Could not reach aftercall at ${settings.baseUrl || location.origin}`, { cause: error });
  }
  if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await apiFetch(path)).json() as Promise<T>;
}

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

/** Fetches with the key and hands the bytes to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await apiFetch(path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
