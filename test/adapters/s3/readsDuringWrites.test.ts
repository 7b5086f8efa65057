import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../lib/adapters/s3/createS3Client.js';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../../../lib/adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../../../lib/adapters/s3/S3BlobStore.js';
import { makeTempDir } from '../../support/tempDir.js';

// Versions of different lengths: a body read with another version's metadata would come back cut
// short or padded, and metadata read while it is being rewritten would not parse.
const versions = Array.from({ length: 6 }, (_, n) => JSON.stringify({ version: n, padding: 'x'.repeat(2_000 * (n + 1)) }));

describe('the embedded S3 server while an object is being replaced', () => {
  let server: EmbeddedS3Server;
  let store: S3BlobStore;
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    dir = await makeTempDir();
    server = await startEmbeddedS3Server({ directory: dir.path, buckets: ['test-bucket'] });
    store = new S3BlobStore(createS3Client({ region: 'us-east-1', endpoint: server.endpoint, credentials: server.credentials }), 'test-bucket');
  });
  afterAll(async () => {
    await server.close();
    await dir.remove();
  });

  it('answers every read with one whole version, never an error or a mix of two (the S3 client tries once)', async () => {
    const key = 'calls/x.ogg.aftercall/status.json';
    await store.put(key, versions[0] ?? '', 'application/json');
    const reads: Promise<string | null>[] = [];
    for (let round = 0; round < 40; round += 1) {
      const writes = versions.map((body) => store.put(key, body, 'application/json'));
      for (let n = 0; n < 4; n += 1) reads.push(store.getText(key));
      await Promise.all(writes);
    }
    const seen = await Promise.all(reads);
    for (const text of seen) expect(versions).toContain(text);
  });
});
