import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import S3Error from 's3rver/lib/models/error.js';
import S3Object from 's3rver/lib/models/object.js';
import { createOnlyBodies } from './honourConditionalPut.js';

// Objects and their folders are the service's alone: other local users must not read key records or secrets.
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const PART_NUMBER = /^[1-9]\d{0,4}$/;

/** A key the filesystem would read as a different path: `.`/`..` segments, empty segments, NUL. */
export function isUnsafeKey(key: string): boolean {
  const segments = key.split('/');
  // A trailing slash (a "folder" marker object) leaves one empty last segment; any other empty one aliases a path.
  const inner = key.endsWith('/') ? segments.slice(0, -1) : segments;
  return key.includes('\0') || inner.some((segment) => segment === '' || segment === '.' || segment === '..');
}

const outside = (what: string) => new S3Error('InvalidArgument', `${what} does not name a place inside the bucket`);

/**
 * s3rver's filesystem store, with every key and bucket checked before it becomes a path (whatever
 * carried it: the URL, a copy source, a DeleteObjects body, a multipart upload id), and every
 * object written privately and atomically: to a temporary file that is renamed into place only
 * once the whole body has arrived (and matched its signed SHA-256, see requireSignedRequests).
 */
export class GuardedFilesystemStore extends FilesystemStore {
  // An object is a body file and a metadata file: a read that met the body of one version and the
  // metadata of another would answer a wrong Content-Length (a cut-off or hung response), so the
  // swap of both files and the opening of a read take turns per key.
  private readonly keyTurns = new Map<string, Promise<void>>();

  override getBucketPath(bucket: string): string {
    if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) throw outside(`bucket ${JSON.stringify(bucket)}`);
    return super.getBucketPath(bucket);
  }

  override getResourcePath(bucket: string, key: string | undefined, resource: string): string {
    if (key !== undefined && isUnsafeKey(key)) throw outside(`key ${JSON.stringify(key)}`);
    const bucketPath = resolve(this.getBucketPath(bucket));
    const path = resolve(super.getResourcePath(bucket, key, resource));
    const inside = relative(bucketPath, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw outside(`key ${JSON.stringify(key)}`);
    return path;
  }

  override async putObject(object: Parameters<FilesystemStore['putObject']>[0]): ReturnType<FilesystemStore['putObject']> {
    const path = this.getResourcePath(object.bucket, object.key, 'object');
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    const written = await writePartial(path, content);
    try {
      await this.inTurn(object.bucket, object.key, async () => {
        // Checked in the key's turn, so two conditional PUTs of one key cannot both succeed.
        if (createOnlyBodies.has(object.content) && (await exists(path))) {
          throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
        }
        await rename(written.partial, path);
        await this.putMetadata(object.bucket, object.key, object.metadata, written.md5);
      });
    } finally {
      await rm(written.partial, { force: true });
    }
    return { size: written.size, md5: written.md5 };
  }

  /** Metadata and checksum replaced whole (never truncated in place under a reader), private. */
  override async putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void> {
    const stored = {
      ...Object.fromEntries(Object.entries(metadata).filter(([name]) => S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-'))),
    };
    if (md5 !== undefined) await replaceFile(this.getResourcePath(bucket, key, 'object.md5'), md5);
    await replaceFile(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(stored, null, 2));
  }

  override getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<unknown> {
    // s3rver resolves once the body's file is open: the open file keeps that version whatever is renamed over it.
    return this.inTurn(bucket, key, () => super.getObject(bucket, key, options));
  }

  override async putPart(bucket: string, uploadId: string, partNumber: string, content: Readable): ReturnType<FilesystemStore['putPart']> {
    if (!UPLOAD_ID.test(uploadId) || !PART_NUMBER.test(partNumber)) throw new S3Error('InvalidArgument', 'not an upload id and part number of this server');
    const path = join(this.getResourcePath(bucket, undefined, 'uploads'), uploadId, partNumber);
    const written = await writePartial(path, content);
    await rename(written.partial, path);
    await writeFile(`${path}.md5`, written.md5, { mode: PRIVATE_FILE });
    return { size: written.size, md5: written.md5 };
  }

  override putObjectMultipart(bucket: string, uploadId: string, parts: unknown[]): ReturnType<FilesystemStore['putObjectMultipart']> {
    if (!UPLOAD_ID.test(uploadId)) return Promise.reject(new S3Error('NoSuchUpload', 'not an upload id of this server'));
    return super.putObjectMultipart(bucket, uploadId, parts);
  }

  /**
   * The object's files only. s3rver also removes folders left empty, which races: two keys of one
   * folder deleted by one DeleteObjects both try to remove it (a 500), and a put into the folder
   * can find it gone under its feet. Empty folders hold no keys, so they are left in place.
   */
  override deleteObject(bucket: string, key: string): Promise<void> {
    return this.inTurn(bucket, key, async () => {
      await Promise.all(['object', 'object.md5', 'metadata.json'].map((resource) => rm(this.getResourcePath(bucket, key, resource), { force: true })));
    });
  }

  private async inTurn<T>(bucket: string, key: string, work: () => Promise<T>): Promise<T> {
    const id = `${bucket}/${key}`;
    const previous = this.keyTurns.get(id) ?? Promise.resolve();
    const run = previous.then(work);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    this.keyTurns.set(id, done);
    try {
      return await run;
    } finally {
      if (this.keyTurns.get(id) === done) this.keyTurns.delete(id);
    }
  }
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Writes a small file beside `path` and renames it over `path`: a reader sees the old or the new content, whole. */
async function replaceFile(path: string, content: string): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(partial, content, { mode: PRIVATE_FILE });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Streams a body to a private temporary file beside `path`; the caller renames it into place once all of it arrived. */
async function writePartial(path: string, content: Readable): Promise<{ partial: string; size: number; md5: string }> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR });
  // Not ending in s3rver's object suffix, so a listing never shows a half-written body.
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const md5 = createHash('md5');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(content, measure, createWriteStream(partial, { mode: PRIVATE_FILE }));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { partial, size, md5: md5.digest('hex') };
}
