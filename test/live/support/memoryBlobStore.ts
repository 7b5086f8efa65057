import type { BlobStore } from '../../../lib/domain/ports/BlobStore.js';

/** A BlobStore in memory, for the relay's API keys and saved captions. */
export function memoryBlobStore(): BlobStore & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  let version = 0;
  const versions = new Map<string, string>();
  const store = {
    listVersions: async (prefix: string) =>
      [...objects.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => ({ key, version: versions.get(key) ?? '0' })),
    objects,
    getText: async (key: string) => (objects.has(key) ? Buffer.from(objects.get(key) ?? []).toString('utf8') : null),
    getBytes: async (key: string) => objects.get(key) ?? null,
    put: async (key: string, body: string | Uint8Array) => {
      objects.set(key, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
      versions.set(key, String((version += 1)));
    },
    head: async (key: string) => (objects.has(key) ? { size: objects.get(key)?.length ?? 0 } : null),
    list: async (prefix: string) => [...objects.keys()].filter((key) => key.startsWith(prefix)).sort(),
    delete: async (keys: readonly string[]) => {
      for (const key of keys) objects.delete(key);
    },
  };
  return store;
}
