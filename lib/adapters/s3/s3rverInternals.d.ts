// s3rver 3.7.1 (pinned) ships no types for the parts the embedded server builds on: its filesystem
// store (subclassed to keep keys inside the bucket), its S3 error (rendered as S3's XML error) and
// its account registry (its own authentication step must know our per-install key id).
declare module 's3rver/lib/stores/filesystem.js' {
  import type { Readable } from 'node:stream';

  interface S3rverObject {
    bucket: string;
    key: string;
    content: Readable | Buffer;
    metadata: Record<string, string>;
  }

  class FilesystemStore {
    constructor(rootDirectory: string);
    readonly rootDirectory: string;
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
    getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<unknown>;
    putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
    putPart(bucket: string, uploadId: string, partNumber: string, content: Readable): Promise<{ size: number; md5: string }>;
    putObjectMultipart(bucket: string, uploadId: string, parts: unknown[]): Promise<{ size: number; md5: string }>;
    deleteObject(bucket: string, key: string): Promise<void>;
  }
  export = FilesystemStore;
}

declare module 's3rver/lib/models/error.js' {
  class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string>);
    readonly code: string;
    readonly status: number;
  }
  export = S3Error;
}

declare module 's3rver/lib/models/account.js' {
  class AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
    revokeAccessKey(accessKeyId: string): void;
  }
  namespace AWSAccount {
    const DUMMY_ACCOUNT: AWSAccount;
  }
  export = AWSAccount;
}

declare module 's3rver/lib/models/object.js' {
  class S3Object {
    /** The standard headers s3rver keeps with an object (besides x-amz-meta-*). */
    static readonly ALLOWED_METADATA: readonly string[];
  }
  export = S3Object;
}
