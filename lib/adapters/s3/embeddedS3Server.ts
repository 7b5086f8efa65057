import type { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface EmbeddedS3Server {
  /** e.g. http://127.0.0.1:43121 — give it to an S3Client with forcePathStyle. */
  endpoint: string;
  /** Called with each S3 event notification the server emits (ObjectCreated:Put, …). */
  onEvent(listener: (notification: unknown) => void): void;
  close(): Promise<void>;
}

/**
 * An S3-compatible server on loopback, backed by a folder the user can see and delete. It is
 * what makes the same @aws-sdk/client-s3 code run with no AWS account.
 */
export async function startEmbeddedS3Server(options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
}): Promise<EmbeddedS3Server> {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onEvent: (listener) => {
      // S3rver is a Koa app (an EventEmitter); its typings leave that out.
      (server as unknown as EventEmitter).on('event', listener);
    },
    close: () => server.close(),
  };
}
