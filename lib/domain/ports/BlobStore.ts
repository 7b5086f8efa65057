/** What a HEAD of an object tells: its size and its user-defined metadata (S3's `x-amz-meta-*`, names lower-case, without the prefix). */
export interface BlobHead {
  size: number;
  metadata?: Readonly<Record<string, string>>;
}

/** The object store that holds recordings and everything written beside them. */
export interface BlobStore {
  /** Returns null when the object does not exist. */
  getText(key: string): Promise<string | null>;
  getBytes(key: string, range?: { start: number; end: number }): Promise<Uint8Array | null>;
  put(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  /** Size in bytes and user metadata, or null when the object does not exist. */
  head(key: string): Promise<BlobHead | null>;
  /** Every key under the prefix, in lexical order. */
  list(prefix: string): Promise<string[]>;
  /** Like list, with a version per key that changes whenever the object's content does (S3's ETag). */
  listVersions(prefix: string): Promise<{ key: string; version: string }[]>;
  delete(keys: readonly string[]): Promise<void>;
}

/** A store that can add an object only where none exists (S3's conditional PUT, `If-None-Match: *`). */
export interface CreateOnlyStore {
  /** Writes the object unless its key exists; false, with nothing written, when it does. */
  create(key: string, body: string | Uint8Array, contentType: string): Promise<boolean>;
}
