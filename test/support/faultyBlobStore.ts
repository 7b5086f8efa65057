import { BlobStoreUnavailableError } from '../../lib/domain/errors.js';
import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';

interface ReadFault {
  key: string;
  left: number;
  /** Armed once this key is written; null: armed now. */
  armedBy: string | null;
}

/**
 * Wraps a store and fails chosen reads the way a briefly unavailable S3 does (the adapter's
 * BlobStoreUnavailableError), so tests can show a brief outage is never taken for "absent".
 */
export class FaultyBlobStore implements BlobStore {
  private readonly faults: ReadFault[] = [];
  /** The keys whose reads were failed, in order. */
  readonly failed: string[] = [];

  constructor(private readonly inner: BlobStore) {}

  /** The next `times` reads of the key fail; with afterWriteOf, only reads after that key is next written. */
  failReads(key: string, options: { times?: number; afterWriteOf?: string } = {}): void {
    this.faults.push({ key, left: options.times ?? 1, armedBy: options.afterWriteOf ?? null });
  }

  async getText(key: string): Promise<string | null> {
    this.maybeFail(key);
    return this.inner.getText(key);
  }

  async getBytes(key: string, range?: { start: number; end: number }): Promise<Uint8Array | null> {
    this.maybeFail(key);
    return this.inner.getBytes(key, range);
  }

  async head(key: string): Promise<{ size: number } | null> {
    this.maybeFail(key);
    return this.inner.head(key);
  }

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
    await this.inner.put(key, body, contentType);
    for (const fault of this.faults) if (fault.armedBy === key) fault.armedBy = null;
  }

  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }

  listVersions(prefix: string): Promise<{ key: string; version: string }[]> {
    return this.inner.listVersions(prefix);
  }

  delete(keys: readonly string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  private maybeFail(key: string): void {
    const fault = this.faults.find((f) => f.key === key && f.armedBy === null && f.left > 0);
    if (fault === undefined) return;
    fault.left -= 1;
    this.failed.push(key);
    throw new BlobStoreUnavailableError(`could not read s3 object ${key}: injected fault (503 SlowDown)`);
  }
}
