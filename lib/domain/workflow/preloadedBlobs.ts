import type { BlobStore } from '../ports/BlobStore.js';

/**
 * The store, with reads of `contents`' keys answered from the bytes already fetched: for a step
 * that must both hash result files and parse some of them, so each is read once.
 */
export function preloadedBlobs(blobs: BlobStore, contents: ReadonlyMap<string, Uint8Array>): BlobStore {
  return {
    ...blobs,
    getText: async (key) => {
      const bytes = contents.get(key);
      return bytes === undefined ? blobs.getText(key) : new TextDecoder().decode(bytes);
    },
    getBytes: async (key, range) => {
      const bytes = contents.get(key);
      if (bytes === undefined) return range === undefined ? blobs.getBytes(key) : blobs.getBytes(key, range);
      return range === undefined ? bytes : bytes.subarray(range.start, range.end + 1);
    },
  };
}
