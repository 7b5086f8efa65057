import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';

/** Records every key (or listed prefix) read through the store while `on`: what a request touched. */
export function readRecorder(blobs: BlobStore) {
  const state = { on: false, keys: [] as string[] };
  const note = (key: string) => void (state.on && state.keys.push(key));
  const wrapped: BlobStore = {
    getText: (key) => (note(key), blobs.getText(key)),
    getBytes: (key, range) => (note(key), range === undefined ? blobs.getBytes(key) : blobs.getBytes(key, range)),
    head: (key) => (note(key), blobs.head(key)),
    list: (prefix) => (note(prefix), blobs.list(prefix)),
    listVersions: (prefix) => (note(prefix), blobs.listVersions(prefix)),
    put: (key, body, type) => blobs.put(key, body, type),
    delete: (keys) => blobs.delete(keys),
  };
  return { state, wrapped };
}
