import type { EventEmitter } from 'node:events';
import { chmod, mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import { GuardedFilesystemStore } from './GuardedFilesystemStore.js';
import { honourConditionalPut } from './honourConditionalPut.js';
import { requireSignedRequests, type S3rverContext } from './requireSignedRequests.js';
import { randomS3Credentials } from './s3Credentials.js';
import type { S3Credentials } from './verifySigV4.js';
import { encodeS3EventKey } from '../../domain/intake/s3Notification.js';

export interface EmbeddedS3Server {
  /** e.g. http://127.0.0.1:43121 — give it to an S3Client with forcePathStyle. */
  endpoint: string;
  /** The one key pair the server accepts: every request must be SigV4-signed with it. */
  credentials: S3Credentials;
  /** Called with each S3 event notification the server emits (ObjectCreated:Put, …). */
  onEvent(listener: (notification: unknown) => void): void;
  close(): Promise<void>;
}

/** What of s3rver's Koa internals the hardening touches; its typings leave them out. */
interface S3rverInternals {
  middleware: unknown[];
  store: unknown;
  context: { store: unknown };
  httpServer: Server;
}

/**
 * How long an idle client connection stays open. Node's default (5 s) is announced to clients,
 * which drop their idle sockets a second before it; a client whose event loop is busy for that
 * second (a long synchronous step, a loaded machine) reuses a socket the server has just closed and
 * gets ECONNRESET on a request it has already sent. A minute makes that window rare; the SDK clients
 * here make one attempt per call, so it mattered.
 */
const IDLE_CONNECTION_MS = 65_000;

/**
 * An S3-compatible server on loopback, backed by a folder only this user can read. It is what
 * makes the same @aws-sdk/client-s3 code run with no AWS account. s3rver alone serves anyone and
 * maps keys straight to paths, so it is hardened here: a SigV4 check with `credentials` (random
 * for this server alone when not given) runs before any of s3rver's own steps, and its store keeps
 * every key inside its bucket and every file private.
 */
export async function startEmbeddedS3Server(options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
  credentials?: S3Credentials;
}): Promise<EmbeddedS3Server> {
  await mkdir(options.directory, { recursive: true, mode: 0o700 });
  await chmod(options.directory, 0o700);
  const credentials = Object.freeze({ ...(options.credentials ?? randomS3Credentials()) });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const internals = server as unknown as S3rverInternals;
  internals.store = internals.context.store = new GuardedFilesystemStore(options.directory);
  internals.middleware.unshift(requireSignedRequests(credentials) satisfies (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>, honourConditionalPut());
  // Past our check, s3rver's own authentication step looks the key id up in its registry.
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const address = (await server.run()) as AddressInfo;
  internals.httpServer.keepAliveTimeout = IDLE_CONNECTION_MS;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    credentials,
    onEvent: (listener) => {
      // S3rver is a Koa app (an EventEmitter); its typings leave that out.
      (server as unknown as EventEmitter).on('event', (notification: unknown) => listener(encodedAsS3Does(notification)));
    },
    close: async () => {
      await server.close();
      AWSAccount.DUMMY_ACCOUNT.revokeAccessKey(credentials.accessKeyId);
    },
  };
}

/**
 * S3rver puts the raw key into its notifications; S3 form-encodes it. Encoding here keeps one
 * decoder for both, so "plan+budget.ogg", "100%.ogg" and "a%2Fb.ogg" arrive as they were written.
 */
function encodedAsS3Does(notification: unknown): unknown {
  const records = (notification as { Records?: unknown }).Records;
  if (!Array.isArray(records)) return notification;
  return {
    ...(notification as object),
    Records: records.map((record: { s3?: { object?: { key?: unknown } } }) => {
      const key = record.s3?.object?.key;
      if (typeof key !== 'string' || record.s3 === undefined) return record;
      return { ...record, s3: { ...record.s3, object: { ...record.s3.object, key: encodeS3EventKey(key) } } };
    }),
  };
}
