import type { BlobHead, BlobStore } from '../../lib/domain/ports/BlobStore.js';

/**
 * An in-memory BlobStore for domain tests; counts reads to show caches work. The bytes are kept
 * as written, so a recording stays media and a ranged read returns the range, as S3 does.
 */
export class MemoryBlobStore implements BlobStore {
  reads = 0;
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly contentTypes = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private writes = 0;

  /** Every object as text, by key (a copy: writing goes through put). */
  get objects(): ReadonlyMap<string, string> {
    return new Map([...this.bytes].map(([key, bytes]) => [key, new TextDecoder().decode(bytes)]));
  }

  async getText(key: string): Promise<string | null> {
    this.reads += 1;
    const bytes = this.bytes.get(key);
    return bytes === undefined ? null : new TextDecoder().decode(bytes);
  }

  async getBytes(key: string, range?: { start: number; end: number }): Promise<Uint8Array | null> {
    this.reads += 1;
    const bytes = this.bytes.get(key);
    if (bytes === undefined) return null;
    // S3's Range is inclusive at both ends.
    return range === undefined ? bytes.slice() : bytes.slice(range.start, range.end + 1);
  }

  async put(key: string, body: string | Uint8Array, contentType = 'application/octet-stream'): Promise<void> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body.slice();
    this.bytes.set(key, bytes);
    this.contentTypes.set(key, contentType);
    this.writes += 1;
    this.versions.set(key, this.writes);
  }

  /** The content type the object was last written with, or null when it does not exist. */
  contentTypeOf(key: string): string | null {
    return this.contentTypes.get(key) ?? null;
  }

  async head(key: string): Promise<BlobHead | null> {
    const bytes = this.bytes.get(key);
    return bytes === undefined ? null : { size: bytes.byteLength };
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.bytes.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async listVersions(prefix: string): Promise<{ key: string; version: string }[]> {
    return (await this.list(prefix)).map((key) => ({ key, version: String(this.versions.get(key)) }));
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.bytes.delete(key);
      this.contentTypes.delete(key);
    }
  }
}

export const memoryBlobs = (): MemoryBlobStore => new MemoryBlobStore();
