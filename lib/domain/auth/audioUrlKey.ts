import { randomBytes } from 'node:crypto';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';

/** Where the generated signing key is kept when none is configured: beside the API keys, never served. */
export const AUDIO_URL_KEY_KEY = `${CONTROL_PREFIX}secrets/audio-url-key.txt`;

const kept = new WeakMap<BlobStore, Promise<string>>();

/**
 * The secret that signs audio URLs: the configured one (AFTERCALL_AUDIO_URL_SECRET) or else a
 * random one generated on first use and kept in the bucket, so it survives restarts and every
 * process sharing the bucket agrees on it. Keeping it there gives nothing away: whoever can read
 * the bucket can read the recordings themselves. Two processes generating at the same moment
 * both re-read what was stored last; at worst a URL signed in that instant must be fetched again.
 */
export function audioUrlSecret(blobs: BlobStore, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return Promise.resolve(configured);
  let secret = kept.get(blobs);
  if (secret === undefined) {
    secret = storedSecret(blobs);
    kept.set(blobs, secret);
    // A failed read is not remembered: the next request tries again.
    secret.catch(() => kept.delete(blobs));
  }
  return secret;
}

async function storedSecret(blobs: BlobStore): Promise<string> {
  const existing = (await blobs.getText(AUDIO_URL_KEY_KEY))?.trim();
  if (existing) return existing;
  await blobs.put(AUDIO_URL_KEY_KEY, randomBytes(32).toString('base64url'), 'text/plain');
  const stored = (await blobs.getText(AUDIO_URL_KEY_KEY))?.trim();
  if (!stored) throw new Error(`the audio URL signing key could not be stored at ${AUDIO_URL_KEY_KEY}`);
  return stored;
}
