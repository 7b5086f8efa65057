import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';

/** One store call: which method, on which key (or listed prefix), and whether it found anything. */
export interface RecordedRead {
  call: 'getText' | 'getBytes' | 'head' | 'list' | 'listVersions';
  key: string;
  found: boolean;
}

/**
 * Records every key (or listed prefix) read through the store while `on`: what a request
 * touched (`keys`), and each call with its outcome (`reads`).
 */
export function readRecorder(blobs: BlobStore) {
  const state = { on: false, keys: [] as string[], reads: [] as RecordedRead[] };
  const note = <T>(call: RecordedRead['call'], key: string, result: Promise<T>, found: (value: T) => boolean): Promise<T> => {
    if (!state.on) return result;
    state.keys.push(key);
    const read: RecordedRead = { call, key, found: false };
    state.reads.push(read);
    return result.then((value) => {
      read.found = found(value);
      return value;
    });
  };
  const some = (value: unknown) => value !== null;
  const nonEmpty = (value: readonly unknown[]) => value.length > 0;
  const wrapped: BlobStore = {
    getText: (key) => note('getText', key, blobs.getText(key), some),
    getBytes: (key, range) => note('getBytes', key, range === undefined ? blobs.getBytes(key) : blobs.getBytes(key, range), some),
    head: (key) => note('head', key, blobs.head(key), some),
    list: (prefix) => note('list', prefix, blobs.list(prefix), nonEmpty),
    listVersions: (prefix) => note('listVersions', prefix, blobs.listVersions(prefix), nonEmpty),
    put: (key, body, type) => blobs.put(key, body, type),
    delete: (keys) => blobs.delete(keys),
  };
  return { state, wrapped };
}
