import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOrCreateS3Credentials } from '../adapters/s3/s3Credentials.js';
import type { S3Credentials } from '../adapters/s3/verifySigV4.js';

/**
 * Opens the data folder as this user's alone (0700: recordings, API key records and secrets are
 * in it) and returns the embedded S3 server's key pair. A folder from before the key pair existed
 * gets one now, and the files its S3 server wrote readable by others are made private.
 */
export async function openPrivateDataDir(dataDir: string): Promise<{ s3Credentials: S3Credentials }> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const { credentials, created } = await loadOrCreateS3Credentials(dataDir);
  if (created) await makePrivate(join(dataDir, 's3'));
  return { s3Credentials: credentials };
}

async function makePrivate(folder: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await chmod(folder, 0o700);
  for (const entry of entries) {
    if (entry.isDirectory() || entry.isFile()) await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o700 : 0o600);
  }
}
