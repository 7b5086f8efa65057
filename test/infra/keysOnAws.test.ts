import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../../lib/adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../../lib/adapters/s3/S3BlobStore.js';
import { API_KEYS_PREFIX, apiKeyRecordsPrefix } from '../../lib/domain/auth/apiKeySchema.js';
import { createApiKey, resolveApiKey } from '../../lib/domain/auth/apiKeys.js';
import { makeTempDir } from '../support/tempDir.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const BUCKET = 'aftercallpostcall-recordings-1a2b3c';

describe('aftercall keys --bucket: API keys in the deployed bucket, without a local stack', { timeout: 60_000 }, () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let s3: EmbeddedS3Server;
  // The deployed bucket stands in as an S3 server on loopback (AFTERCALL_S3_ENDPOINT); the data folder must stay untouched.
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'bin/aftercall.ts', 'keys', ...args, '--bucket', BUCKET], {
      cwd: repo,
      env: { PATH: process.env.PATH, AFTERCALL_S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey, AFTERCALL_DATA_DIR: join(dir.path, 'data'), AWS_REGION: 'eu-west-1' },
    });

  beforeAll(async () => {
    dir = await makeTempDir();
    s3 = await startEmbeddedS3Server({ directory: join(dir.path, 's3'), buckets: [BUCKET] });
  });
  afterAll(async () => {
    await s3.close();
    await dir.remove();
  });

  it('creates a key the deployed API accepts, lists it, and revokes it', async () => {
    const created = await cli('create', '--tenant', 'acme', '--role', 'admin', '--name', 'ops');
    const key = created.stdout.trim().split('\n').at(-1) ?? '';
    expect(key).toMatch(/^ak_[0-9a-f]{12}_/);
    const client = createS3Client({ region: 'eu-west-1', endpoint: s3.endpoint, credentials: s3.credentials });
    const blobs = new S3BlobStore(client, BUCKET);
    const resolved = await resolveApiKey(blobs, key);
    expect(resolved).toMatchObject({ tenantId: 'acme', role: 'admin' });

    const listed = await cli('list');
    expect(listed.stdout).toContain(`${resolved?.keyId}  acme`);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);

    expect(await blobs.list(apiKeyRecordsPrefix(resolved?.keyId ?? ''))).toHaveLength(1);
    expect((await cli('revoke', resolved?.keyId ?? '')).stdout).toContain('revoked');
    expect(await blobs.list(apiKeyRecordsPrefix(resolved?.keyId ?? ''))).toEqual([]);
    client.destroy();
    expect(existsSync(join(dir.path, 'data'))).toBe(false);
  });

  it('moves records of the first layout (`_aftercall/keys/<keyId>.json`) to their id-and-hash names, and the key keeps working', async () => {
    const client = createS3Client({ region: 'eu-west-1', endpoint: s3.endpoint, credentials: s3.credentials });
    const { key, record } = await createApiKey(new S3BlobStore(client, BUCKET), { tenantId: 'acme', role: 'member', name: 'before' });
    // The bucket as a deployment from before the id-and-hash names left it.
    const writer = new S3BlobStore(client, BUCKET);
    const [name = ''] = await writer.list(apiKeyRecordsPrefix(record.keyId));
    const legacy = `${API_KEYS_PREFIX}${record.keyId}.json`;
    await writer.put(legacy, (await writer.getText(name)) ?? '', 'application/json');
    await writer.delete([name]);
    expect(await resolveApiKey(new S3BlobStore(client, BUCKET), key)).toBeNull();

    expect((await cli('list')).stdout).toContain(`${record.keyId}  acme`);
    const after = new S3BlobStore(client, BUCKET);
    expect(await after.head(legacy)).toBeNull();
    expect(await after.list(apiKeyRecordsPrefix(record.keyId))).toEqual([name]);
    expect(await resolveApiKey(after, key)).toMatchObject({ tenantId: 'acme', role: 'member', keyId: record.keyId });
    client.destroy();
  });
});
