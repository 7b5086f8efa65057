import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { S3Credentials } from './verifySigV4.js';

/** Where the local install keeps the embedded S3 server's key pair, beside (not inside) the bucket's folder. */
export const S3_CREDENTIALS_FILE = 's3-credentials.json';

const S3CredentialsSchema = z.object({
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/),
  secretAccessKey: z.string().min(32),
});

/** A fresh key pair shaped like AWS's (an access key id of capitals and digits, a 40-character secret). */
export function randomS3Credentials(): S3Credentials {
  return {
    accessKeyId: `AKLOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}

/**
 * The install's own key pair for the embedded S3 server: created on first start (also in a data
 * folder from before there was one), readable by this user alone, reused afterwards.
 */
export async function loadOrCreateS3Credentials(dataDir: string): Promise<{ credentials: S3Credentials; created: boolean }> {
  const file = join(dataDir, S3_CREDENTIALS_FILE);
  try {
    const credentials = S3CredentialsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    await chmod(file, 0o600);
    return { credentials, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is not a key pair written by aftercall (${error instanceof Error ? error.message : String(error)}); delete it to create a new one`, { cause: error });
    }
  }
  const credentials = randomS3Credentials();
  // Written whole, then linked into place: two processes starting at once never read half a file or keep different pairs.
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  await writeFile(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(partial, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateS3Credentials(dataDir);
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
  return { credentials, created: true };
}
