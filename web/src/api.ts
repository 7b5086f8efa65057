/**
 * Talks to the aftercall API with the signed-in key in an Authorization header. The key and
 * the API's base URL live in localStorage, so the same static files work served by the app
 * (same origin) or from S3/CloudFront (another origin). Secrets never go into URLs. The calls
 * themselves go through the typed client, api/client.ts.
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

/**
 * Hands a file the API answered (read as a Blob by the typed client, api/client.ts) to the
 * browser as a download: fetched with the key in a header, so no secret goes into a link.
 */
export function saveFile(blob: Blob, filename: string): void {
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
