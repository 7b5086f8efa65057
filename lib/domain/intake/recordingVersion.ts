import { createHash } from 'node:crypto';
import { siblingTranscriptKeys } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { isMediaKey, isTrackKey, isTracksFolder } from './recordingEvent.js';

/**
 * What a run processes, as one short tag: the versions (ETags) of the recording and of the
 * transcript beside it, or of every participant track of a tracks folder. A new version of any of
 * them gives a new tag, hence a new run; the same files announced twice give the same tag, hence
 * one run. Null when the recording is not (yet) in the store.
 */
export async function recordingVersion(blobs: BlobStore, recordingKey: string): Promise<string | null> {
  const objects = isTracksFolder(recordingKey)
    ? (await blobs.listVersions(recordingKey)).filter(({ key }) => isTrackKey(key) && isMediaKey(key))
    : await recordingWithSidecars(blobs, recordingKey);
  if (objects.length === 0) return null;
  const digest = createHash('sha256');
  for (const { key, version } of objects) digest.update(`${key}\u0000${version}\u0000`);
  return digest.digest('hex').slice(0, 16);
}

/** One LIST of the keys that share the recording's stem: the recording itself and its sidecar transcripts. */
async function recordingWithSidecars(blobs: BlobStore, recordingKey: string): Promise<{ key: string; version: string }[]> {
  const wanted = new Set([recordingKey, ...siblingTranscriptKeys(recordingKey)]);
  const dot = recordingKey.lastIndexOf('.');
  const stem = dot > recordingKey.lastIndexOf('/') ? recordingKey.slice(0, dot + 1) : recordingKey;
  const objects = (await blobs.listVersions(stem)).filter(({ key }) => wanted.has(key));
  return objects.some(({ key }) => key === recordingKey) ? objects : [];
}
