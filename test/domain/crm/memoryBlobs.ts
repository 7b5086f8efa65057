import type { BlobStore } from '../../../lib/domain/ports/BlobStore.js';

/** An in-memory BlobStore for the CRM tests, which only need keys and text. */
export function memoryBlobs(): BlobStore {
  const objects = new Map<string, Uint8Array>();
  return {
    getText: async (key) => {
      const bytes = objects.get(key);
      return bytes === undefined ? null : new TextDecoder().decode(bytes);
    },
    getBytes: async (key) => objects.get(key) ?? null,
    put: async (key, body) => {
      objects.set(key, typeof body === 'string' ? new TextEncoder().encode(body) : body);
    },
    head: async (key) => {
      const bytes = objects.get(key);
      return bytes === undefined ? null : { size: bytes.length };
    },
    list: async (prefix) => [...objects.keys()].filter((key) => key.startsWith(prefix)).sort(),
    delete: async (keys) => {
      for (const key of keys) objects.delete(key);
    },
  };
}
