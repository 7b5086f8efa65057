import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../../lib/adapters/s3/embeddedS3Server.js';
import { makeTempDir } from '../support/tempDir.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const BUCKET = 'deployed-recordings';

// A child process per command, each only a store client (--bucket): seconds each, more on a busy machine.
const CLI_TEST_TIMEOUT = 240_000;

/** The operator's commands against a deployed stack's bucket (here an S3 server on loopback). */
describe('the audit log from the CLI, on a deployed bucket', { timeout: CLI_TEST_TIMEOUT }, () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let s3: EmbeddedS3Server;
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'bin/aftercall.ts', ...args, '--bucket', BUCKET], {
      cwd: repo,
      timeout: 100_000,
      env: {
        ...process.env,
        AFTERCALL_OPERATOR: 'ops-alice',
        AFTERCALL_S3_ENDPOINT: s3.endpoint,
        AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        AWS_REGION: 'us-east-1',
      },
    });

  beforeAll(async () => {
    dir = await makeTempDir();
    s3 = await startEmbeddedS3Server({ directory: dir.path, buckets: [BUCKET] });
  });
  afterAll(async () => {
    await s3.close();
    await dir.remove();
  });

  it("records key creation and revocation by the operator in the key's tenant, and prints the log newest first", async () => {
    const created = await cli('keys', 'create', '--tenant', 'acme', '--role', 'admin', '--name', 'ops');
    const keyId = /created admin key ([0-9a-f]{12})/.exec(created.stdout)?.[1] ?? '';
    expect(keyId).toMatch(/^[0-9a-f]{12}$/);
    expect((await cli('keys', 'revoke', keyId)).stdout).toContain(`revoked ${keyId}`);

    const printed = (await cli('audit', '--tenant', 'acme')).stdout.trim().split('\n');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(new RegExp(`^\\S+Z {2}apiKey\\.revoke +operator ops-alice +apiKey ${keyId} +\\{"role":"admin","name":"ops"\\}$`));
    expect(printed[1]).toMatch(new RegExp(`apiKey\\.create +operator ops-alice +apiKey ${keyId}`));
    // The key itself is never in the log.
    const key = /^(ak_\S+)$/m.exec(created.stdout)?.[1] ?? 'missing';
    expect(printed.join('\n')).not.toContain(key.slice(16));
  });
});
