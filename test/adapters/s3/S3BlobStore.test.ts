import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../lib/adapters/s3/createS3Client.js';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../../../lib/adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../../../lib/adapters/s3/S3BlobStore.js';
import { BlobStoreUnavailableError } from '../../../lib/domain/errors.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('S3BlobStore against the embedded S3 server', () => {
  let server: EmbeddedS3Server;
  let client: S3Client;
  let store: S3BlobStore;
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    dir = await makeTempDir();
    server = await startEmbeddedS3Server({ directory: dir.path, buckets: ['test-bucket'] });
    client = createS3Client({ region: 'us-east-1', endpoint: server.endpoint, credentials: server.credentials });
    store = new S3BlobStore(client, 'test-bucket');
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await dir.remove();
  });

  it('round-trips text and bytes, and reports missing objects as null', async () => {
    await store.put('a/b.json', '{"x":1}', 'application/json');
    await store.put('a/c.bin', new Uint8Array([0, 1, 2, 255]), 'application/octet-stream');

    expect(await store.getText('a/b.json')).toBe('{"x":1}');
    expect(Array.from((await store.getBytes('a/c.bin')) ?? [])).toEqual([0, 1, 2, 255]);
    expect(await store.getText('a/missing.json')).toBeNull();
    expect(await store.head('a/missing.json')).toBeNull();
    expect(await store.head('a/c.bin')).toMatchObject({ size: 4 });
  });

  it('reads a byte range', async () => {
    await store.put('range.txt', 'abcdefghij', 'text/plain');
    expect(new TextDecoder().decode((await store.getBytes('range.txt', { start: 2, end: 4 })) ?? new Uint8Array())).toBe('cde');
  });

  it('stores a stream body byte for byte (no aws-chunked framing inside the object)', async () => {
    const payload = Buffer.from('x'.repeat(70_000) + 'end');
    await client.send(
      new PutObjectCommand({ Bucket: 'test-bucket', Key: 'stream.bin', Body: Readable.from([payload]), ContentLength: payload.length }),
    );
    const stored = await store.getBytes('stream.bin');
    expect(stored?.length).toBe(payload.length);
    expect(Buffer.from(stored ?? []).equals(payload)).toBe(true);
  });

  it('lists by prefix in order and deletes', async () => {
    await store.put('list/2.txt', '2', 'text/plain');
    await store.put('list/1.txt', '1', 'text/plain');
    await store.put('listing-not/1.txt', '1', 'text/plain');
    expect(await store.list('list/')).toEqual(['list/1.txt', 'list/2.txt']);
    await store.delete(['list/1.txt', 'list/2.txt']);
    expect(await store.list('list/')).toEqual([]);
  });

  it('turns an unreachable store into BlobStoreUnavailableError (retried by the workflow)', async () => {
    const dead = createS3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: server.credentials });
    const deadStore = new S3BlobStore(dead, 'test-bucket');
    await expect(deadStore.put('k', 'v', 'text/plain')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    dead.destroy();
  });
  it('creates an object only where none exists (If-None-Match: *), as S3 does: never replacing one, even when two race', async () => {
    expect(await store.create('once/entry.json', 'first', 'application/json')).toBe(true);
    expect(await store.create('once/entry.json', 'second', 'application/json')).toBe(false);
    expect(await store.getText('once/entry.json')).toBe('first');

    const racers = await Promise.all(['a', 'b', 'c', 'd'].map((body) => store.create('once/raced.json', body, 'text/plain').then((won) => ({ body, won }))));
    const winners = racers.filter((racer) => racer.won);
    expect(winners).toHaveLength(1);
    expect(await store.getText('once/raced.json')).toBe(winners[0]?.body);
  });

  it('refuses If-None-Match values and copies S3 does not support, rather than overwriting', async () => {
    await store.put('cond/a.txt', 'a', 'text/plain');
    await expect(client.send(new PutObjectCommand({ Bucket: 'test-bucket', Key: 'cond/a.txt', Body: 'b', IfNoneMatch: '"0123abcd"' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 501 } });
    expect(await store.getText('cond/a.txt')).toBe('a');
  });
});
