import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';

/** An in-memory BlobStore for domain tests that need only keys and text; counts reads to show caches work. */
export class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, string>();
  reads = 0;
  private readonly versions = new Map<string, number>();
  private writes = 0;

  async getText(key: string): Promise<string | null> {
    this.reads += 1;
    return this.objects.get(key) ?? null;
  }

  async getBytes(key: string): Promise<Uint8Array | null> {
    const text = await this.getText(key);
    return text === null ? null : new TextEncoder().encode(text);
  }

  async put(key: string, body: string | Uint8Array, _contentType?: string): Promise<void> {
    this.objects.set(key, typeof body === 'string' ? body : new TextDecoder().decode(body));
    this.writes += 1;
    this.versions.set(key, this.writes);
  }

  async head(key: string): Promise<{ size: number } | null> {
    const text = this.objects.get(key);
    return text === undefined ? null : { size: new TextEncoder().encode(text).byteLength };
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async listVersions(prefix: string): Promise<{ key: string; version: string }[]> {
    return (await this.list(prefix)).map((key) => ({ key, version: String(this.versions.get(key)) }));
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.objects.delete(key);
  }
}

export const memoryBlobs = (): MemoryBlobStore => new MemoryBlobStore();
