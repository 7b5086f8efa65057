import { afterAll, beforeAll, expect, it } from 'vitest';
import { createS3Client } from '../../../lib/adapters/s3/createS3Client.js';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../../../lib/adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../../../lib/adapters/s3/S3BlobStore.js';
import { makeTempDir } from '../../support/tempDir.js';

let server: EmbeddedS3Server;
let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  dir = await makeTempDir();
  server = await startEmbeddedS3Server({ directory: dir.path, buckets: ['idle-bucket'] });
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

/** Holds the thread, timers and sockets included, as a long synchronous step or a starved CPU does. */
function busyFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Seen under load: the client's timer that drops idle sockets had not run when the server closed
// them (Node's default 5 s), so the next write went out on a dead socket: "read ECONNRESET".
it('writes after the process was busy for six seconds on a connection left idle, with no ECONNRESET', async () => {
  const client = createS3Client({ region: 'us-east-1', endpoint: server.endpoint, credentials: server.credentials });
  try {
    const store = new S3BlobStore(client, 'idle-bucket');
    await store.put('first.json', '{}', 'application/json');
    busyFor(6_000);
    await store.put('second.json', '{"after":"idle"}', 'application/json');
    expect(await store.getText('second.json')).toBe('{"after":"idle"}');
  } finally {
    client.destroy();
  }
}, 30_000);
