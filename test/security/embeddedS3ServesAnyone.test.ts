import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/composition/local.js';
import { loadConfig } from '../../lib/config/config.js';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { S3_CREDENTIALS_FILE } from '../../lib/adapters/s3/s3Credentials.js';
import { S3BlobStore } from '../../lib/adapters/s3/S3BlobStore.js';
import { apiKeyRecordKey, apiKeyRecordsPrefix, API_KEY_SCHEMA_VERSION } from '../../lib/domain/auth/apiKeySchema.js';
import { createApiKey, resolveApiKey } from '../../lib/domain/auth/apiKeys.js';
import { AUDIO_URL_KEY_KEY, audioUrlSecret } from '../../lib/domain/auth/audioUrlKey.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { sendRaw, signRaw } from '../support/rawS3Request.js';
import { makeTempDir } from '../support/tempDir.js';

/** An admin key record for tenant "victim", as an attacker would write it, and the bearer key it would make valid. */
function forgedAdminKey(): { keyId: string; name: string; bearer: string; record: string } {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record = {
    schemaVersion: API_KEY_SCHEMA_VERSION,
    keyId,
    tenantId: 'victim',
    role: 'admin',
    name: 'minted',
    hash: createHash('sha256').update(secret).digest('hex'),
    createdAt: new Date().toISOString(),
  };
  return { keyId, name: apiKeyRecordKey(keyId, record.hash), bearer: `ak_${keyId}_${secret}`, record: JSON.stringify(record) };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the embedded S3 server refuses whoever lacks the install’s key pair', () => {
  let fixture: StackFixture;
  let endpoint: string;
  let bucket: string;
  let dataDir: string;
  let credentials: { accessKeyId: string; secretAccessKey: string };
  let secret: string;
  const path = (key: string) => `/${bucket}/${key}`;

  beforeAll(async () => {
    fixture = await startStackFixture({ watchBucket: false });
    ({ endpoint, credentials } = fixture.stack.s3);
    bucket = fixture.stack.config.AFTERCALL_BUCKET;
    dataDir = fixture.stack.dataDir;
    secret = await audioUrlSecret(fixture.stack.deps.blobs, undefined);
  });
  afterAll(() => fixture.close());

  it('refuses an anonymous PUT of an API key record: no admin key is minted', async () => {
    const forged = forgedAdminKey();
    const response = await sendRaw(endpoint, { method: 'PUT', path: path(forged.name), headers: { 'content-type': 'application/json' }, body: forged.record });

    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>AccessDenied</Code>');
    expect(await fixture.stack.deps.blobs.head(forged.name)).toBeNull();
    expect(await resolveApiKey(fixture.stack.deps.blobs, forged.bearer)).toBeNull();
  });

  it('refuses an anonymous GET of the audio-URL signing secret, a listing and a presigned-looking URL without a signature', async () => {
    for (const attempt of [path(AUDIO_URL_KEY_KEY), `/${bucket}?list-type=2&prefix=_aftercall/`, `${path(AUDIO_URL_KEY_KEY)}?X-Amz-Algorithm=AWS4-HMAC-SHA256`]) {
      const response = await sendRaw(endpoint, { method: 'GET', path: attempt });
      expect(response.status, attempt).toBe(403);
      expect(response.body).not.toContain(secret);
      expect(response.body).not.toContain('_aftercall/keys');
    }
  });

  it('refuses requests signed with a wrong secret, with another key id, or with s3rver’s built-in S3RVER pair', async () => {
    const forged = forgedAdminKey();
    const attempts = [
      { accessKeyId: credentials.accessKeyId, secretAccessKey: `${credentials.secretAccessKey}x`, code: 'SignatureDoesNotMatch' },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: credentials.secretAccessKey, code: 'InvalidAccessKeyId' },
      { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', code: 'InvalidAccessKeyId' },
    ];
    for (const attempt of attempts) {
      const client = createS3Client({ region: 'us-east-1', endpoint, credentials: attempt });
      await expect(client.send(new PutObjectCommand({ Bucket: bucket, Key: forged.name, Body: forged.record }))).rejects.toMatchObject({ name: attempt.code });
      await expect(client.send(new GetObjectCommand({ Bucket: bucket, Key: AUDIO_URL_KEY_KEY }))).rejects.toMatchObject({ name: attempt.code });
      client.destroy();
    }
    expect(await resolveApiKey(fixture.stack.deps.blobs, forged.bearer)).toBeNull();
  });

  it('refuses a valid signed request replayed with another path, another body, an added x-amz header, or after 15 minutes', async () => {
    const signed = await signRaw(endpoint, { method: 'PUT', path: path('notes/harmless.txt'), body: 'hello' }, credentials);
    expect((await sendRaw(endpoint, signed)).status).toBe(200);

    const forged = forgedAdminKey();
    const otherPath = await sendRaw(endpoint, { ...signed, path: path(forged.name) });
    expect(otherPath.status).toBe(403);
    expect(otherPath.body).toContain('SignatureDoesNotMatch');
    expect(await fixture.stack.deps.blobs.head(forged.name)).toBeNull();

    const otherBody = await sendRaw(endpoint, { ...signed, body: 'HELLO' });
    expect(otherBody.status).toBe(400);
    expect(otherBody.body).toContain('XAmzContentSHA256Mismatch');
    expect(await fixture.stack.deps.blobs.getText('notes/harmless.txt')).toBe('hello');

    const copied = await sendRaw(endpoint, { ...signed, headers: { ...signed.headers, 'x-amz-copy-source': `/${bucket}/${AUDIO_URL_KEY_KEY}` } });
    expect(copied.status).toBe(403);
    expect(await fixture.stack.deps.blobs.getText('notes/harmless.txt')).toBe('hello');

    const old = await signRaw(endpoint, { method: 'GET', path: path(AUDIO_URL_KEY_KEY) }, credentials, { signingDate: new Date(Date.now() - 16 * 60 * 1000) });
    const late = await sendRaw(endpoint, old);
    expect(late.status).toBe(403);
    expect(late.body).not.toContain(secret);
  });

  it('accepts its own presigned GET URL, and refuses one pointed at another key, tampered with, or expired', async () => {
    const client = createS3Client({ region: 'us-east-1', endpoint, credentials });
    await fixture.stack.deps.blobs.put('notes/shared.txt', 'shared', 'text/plain');
    const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: 'notes/shared.txt' }), { expiresIn: 60 }));
    expect(await (await fetch(url)).text()).toBe('shared');

    const elsewhere = new URL(url);
    elsewhere.pathname = path(AUDIO_URL_KEY_KEY);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    const expiredUrl = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: 'notes/shared.txt' }), { expiresIn: 1, signingDate: new Date(Date.now() - 60_000) }));
    for (const attempt of [elsewhere, longer, expiredUrl]) {
      const response = await fetch(attempt);
      expect(response.status, attempt.toString()).toBe(403);
      expect(await response.text()).not.toContain(secret);
    }
    client.destroy();
  });

  it('refuses keys that leave the bucket (raw ../, percent-encoded, via the SDK, a copy source, an upload id, a DeleteObjects body), even when correctly signed', async () => {
    const escapes = [
      '../../escaped-raw.txt',
      '%2e%2e/%2e%2e/escaped-encoded.txt',
      '..%2F..%2Fescaped-slash.txt',
      'a/%2E%2E/%2E%2E/%2E%2E/escaped-deep.txt',
    ];
    for (const key of escapes) {
      const signed = await signRaw(endpoint, { method: 'PUT', path: path(key), body: 'pwned' }, credentials);
      const response = await sendRaw(endpoint, signed);
      expect(response.status, key).toBeGreaterThanOrEqual(400);
    }
    const viaBucket = await sendRaw(endpoint, await signRaw(endpoint, { method: 'PUT', path: '/%2e%2e/deliveries/escaped-bucket.txt', body: 'pwned' }, credentials));
    expect(viaBucket.status).toBeGreaterThanOrEqual(400);

    const client = createS3Client({ region: 'us-east-1', endpoint, credentials });
    await fixture.stack.deps.blobs.put('notes/source.txt', 'source', 'text/plain');
    await expect(client.send(new PutObjectCommand({ Bucket: bucket, Key: '../../escaped-sdk.txt', Body: 'pwned' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    await expect(client.send(new CopyObjectCommand({ Bucket: bucket, Key: '../escaped-copy.txt', CopySource: `${bucket}/notes/source.txt` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    // A file outside the bucket, named as the store names objects: a copy source must not reach it.
    await writeFile(join(dataDir, 'outside.txt._S3rver_object'), 'outside the bucket');
    await expect(client.send(new CopyObjectCommand({ Bucket: bucket, Key: 'notes/copied.txt', CopySource: `${bucket}/../../outside.txt` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    expect(await fixture.stack.deps.blobs.head('notes/copied.txt')).toBeNull();
    await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'notes/multi.bin' }));
    const partThere = await sendRaw(endpoint, await signRaw(endpoint, { method: 'PUT', path: `${path('notes/multi.bin')}?partNumber=1&uploadId=..%2F..%2F..%2Fescaped-upload`, body: 'pwned' }, credentials));
    expect(partThere.status).toBeGreaterThanOrEqual(400);
    const deleted = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: '../../executions/x' }] } })).catch((error: unknown) => error);
    expect(deleted).toBeInstanceOf(Error);
    client.destroy();

    // Every escape above would land inside the data folder (`<data>/s3/<bucket>/../..`).
    const everything = await readdir(dataDir, { recursive: true });
    expect(everything.filter((name) => name.includes('escaped'))).toEqual([]);
    expect(existsSync(join(dataDir, S3_CREDENTIALS_FILE))).toBe(true);
  });

  it('keeps the key pair, API key records and secrets unreadable to other local users', async () => {
    const { record } = await createApiKey(fixture.stack.deps.blobs, { tenantId: 'demo', role: 'admin', name: 'modes' });
    const objectFile = (key: string) => join(dataDir, 's3', bucket, `${key}._S3rver_object`);

    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 's3'))).toBe(0o700);
    expect(await modeOf(join(dataDir, S3_CREDENTIALS_FILE))).toBe(0o600);
    expect(JSON.parse(await readFile(join(dataDir, S3_CREDENTIALS_FILE), 'utf8'))).toEqual(credentials);
    const [recordName = ''] = await fixture.stack.deps.blobs.list(apiKeyRecordsPrefix(record.keyId));
    for (const key of [recordName, AUDIO_URL_KEY_KEY]) {
      expect(await modeOf(objectFile(key)), key).toBe(0o600);
      expect(await modeOf(join(dataDir, 's3', bucket, `${key}._S3rver_metadata.json`)), key).toBe(0o600);
    }
    expect(await modeOf(join(dataDir, 's3', bucket, '_aftercall', 'keys'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 's3', bucket, '_aftercall', 'keys', record.keyId))).toBe(0o700);
  });

  it('serves the normal SDK client with the key pair: puts, stream upload byte for byte, multipart upload, listing, deletes; an aws-chunked stream is refused, not stored framed', async () => {
    const client = createS3Client({ region: 'us-east-1', endpoint, credentials });
    const store = new S3BlobStore(client, bucket);
    const payload = Buffer.from('y'.repeat(70_000) + 'end');
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'ok/stream.bin', Body: Readable.from([payload]), ContentLength: payload.length }));
    expect(Buffer.from((await store.getBytes('ok/stream.bin')) ?? []).equals(payload)).toBe(true);
    await store.put('ok/a.txt', 'a', 'text/plain');
    expect(await store.list('ok/')).toEqual(['ok/a.txt', 'ok/stream.bin']);
    const upload = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'ok/multi.bin' }));
    const parts = [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.from('last part')];
    const etags = [];
    for (const [index, part] of parts.entries()) {
      etags.push((await client.send(new UploadPartCommand({ Bucket: bucket, Key: 'ok/multi.bin', UploadId: upload.UploadId, PartNumber: index + 1, Body: part }))).ETag);
    }
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'ok/multi.bin', UploadId: upload.UploadId, MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) } }),
    );
    expect(Buffer.from((await store.getBytes('ok/multi.bin')) ?? []).equals(Buffer.concat(parts))).toBe(true);
    await store.delete(['ok/a.txt', 'ok/stream.bin', 'ok/multi.bin']);
    expect(await store.list('ok/')).toEqual([]);

    // The SDK's default checksum settings send a stream aws-chunked (STREAMING-UNSIGNED-PAYLOAD-TRAILER).
    const chunked = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { ...credentials } });
    await expect(chunked.send(new PutObjectCommand({ Bucket: bucket, Key: 'ok/chunked.bin', Body: Readable.from([payload]), ContentLength: payload.length }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 501 },
    });
    expect(await store.head('ok/chunked.bin')).toBeNull();
    chunked.destroy();
    client.destroy();
  });
});

describe('a data folder from before the key pair existed', () => {
  it('gets a private key pair on first start, keeps its keys and secret, and is closed to others from then on', async () => {
    const dir = await makeTempDir();
    const bucket = 'aftercall-recordings';
    // Written as the earlier releases wrote it: plain s3rver, its built-in S3RVER pair, files readable by all.
    const legacy = new S3rver({ address: '127.0.0.1', port: 0, directory: join(dir.path, 's3'), silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
    const { port } = await legacy.run();
    const legacyClient = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const legacyBlobs = new S3BlobStore(legacyClient, bucket);
    const { key } = await createApiKey(legacyBlobs, { tenantId: 'demo', role: 'admin', name: 'old' });
    const oldSecret = await audioUrlSecret(legacyBlobs, undefined);
    legacyClient.destroy();
    await legacy.close();
    const secretFile = join(dir.path, 's3', bucket, `${AUDIO_URL_KEY_KEY}._S3rver_object`);
    expect(await modeOf(secretFile) & 0o044).not.toBe(0);
    expect(existsSync(join(dir.path, S3_CREDENTIALS_FILE))).toBe(false);

    const config = loadConfig({ AFTERCALL_DATA_DIR: dir.path });
    const stack = await startLocalStack(config, { watchBucket: false, log: () => undefined });
    const firstPair = stack.s3.credentials;
    try {
      expect(await resolveApiKey(stack.deps.blobs, key)).toMatchObject({ tenantId: 'demo', role: 'admin' });
      expect(await audioUrlSecret(stack.deps.blobs, undefined)).toBe(oldSecret);
      expect(await modeOf(join(dir.path, S3_CREDENTIALS_FILE))).toBe(0o600);
      expect(await modeOf(dir.path)).toBe(0o700);
      expect(await modeOf(secretFile)).toBe(0o600);
      expect(await modeOf(join(dir.path, 's3', bucket, '_aftercall', 'secrets'))).toBe(0o700);
      const anonymous = await sendRaw(stack.s3.endpoint, { method: 'GET', path: `/${bucket}/${AUDIO_URL_KEY_KEY}` });
      expect(anonymous.status).toBe(403);
      const oldPair = createS3Client({ region: 'us-east-1', endpoint: stack.s3.endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      await expect(oldPair.send(new GetObjectCommand({ Bucket: bucket, Key: AUDIO_URL_KEY_KEY }))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
      oldPair.destroy();
    } finally {
      await stack.close();
    }

    const again = await startLocalStack(config, { watchBucket: false, log: () => undefined });
    try {
      expect(again.s3.credentials).toEqual(firstPair);
      expect(await resolveApiKey(again.deps.blobs, key)).toMatchObject({ tenantId: 'demo' });
    } finally {
      await again.close();
      await dir.remove();
    }
  });
});
