import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { BlobStoreUnavailableError } from '../../domain/errors.js';
import type { BlobHead, BlobStore, CreateOnlyStore } from '../../domain/ports/BlobStore.js';

// 412: the key exists. 409: another conditional write of the key is under way (S3 asks to retry; our caller writes elsewhere).
const isTaken = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'PreconditionFailed' || error.name === 'ConditionalRequestConflict');

const isMissing = (error: unknown): boolean =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'));

// S3 caps DeleteObjects at 1,000 keys a request.
const DELETE_BATCH = 1000;

/** The blob-store port on S3; the same code talks to AWS and to the embedded server on loopback. */
export class S3BlobStore implements BlobStore, CreateOnlyStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async getText(key: string): Promise<string | null> {
    const bytes = await this.getBytes(key);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  }

  async getBytes(key: string, range?: { start: number; end: number }): Promise<Uint8Array | null> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      return response.Body === undefined ? new Uint8Array() : await response.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable('read', key, error);
    }
  }

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
    try {
      // An explicit length: without it the SDK treats an empty body as a stream of unknown length.
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: length }));
    } catch (error) {
      throw unavailable('write', key, error);
    }
  }

  async create(key: string, body: string | Uint8Array, contentType: string): Promise<boolean> {
    try {
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: length, IfNoneMatch: '*' }),
      );
      return true;
    } catch (error) {
      if (isTaken(error)) return false;
      throw unavailable('create', key, error);
    }
  }

  async head(key: string): Promise<BlobHead | null> {
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: response.ContentLength ?? 0, metadata: response.Metadata ?? {} };
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable('inspect', key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.listVersions(prefix)).map((object) => object.key);
  }

  async listVersions(prefix: string): Promise<{ key: string; version: string }[]> {
    const objects: { key: string; version: string }[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }),
        );
        for (const object of page.Contents ?? []) if (object.Key !== undefined) objects.push({ key: object.Key, version: object.ETag ?? '' });
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    } catch (error) {
      throw unavailable('list', prefix, error);
    }
    return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      try {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
      } catch (error) {
        throw unavailable('delete', batch[0] ?? '', error);
      }
    }
  }
}

const unavailable = (action: string, key: string, cause: unknown): BlobStoreUnavailableError =>
  new BlobStoreUnavailableError(`could not ${action} s3 object ${key}: ${cause instanceof Error ? cause.message : String(cause)}`, {
    cause,
  });
