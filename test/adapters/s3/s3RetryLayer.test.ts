import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../lib/adapters/s3/createS3Client.js';
import { S3BlobStore } from '../../../lib/adapters/s3/S3BlobStore.js';
import { BlobStoreUnavailableError } from '../../../lib/domain/errors.js';

// S3's documented error body for throttling (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
const SLOW_DOWN = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`;

describe('S3 calls are tried once: the caller is the one retry layer', () => {
  let server: Server;
  let requests = 0;
  let store: S3BlobStore;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' });
      res.end(req.method === 'HEAD' ? undefined : SLOW_DOWN);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    store = new S3BlobStore(createS3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'k', secretAccessKey: 's' } }), 'bucket');
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it.each([
    ['getText', () => store.getText('a/status.json')],
    ['head', () => store.head('a/recording.ogg')],
    ['put', () => store.put('a/status.json', '{}', 'application/json')],
    ['list', () => store.list('a/')],
  ] as const)('%s: a 503 SlowDown is one request and a BlobStoreUnavailableError for the caller to retry', async (_name, call) => {
    const before = requests;
    await expect(call()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    expect(requests - before).toBe(1);
  });
});
