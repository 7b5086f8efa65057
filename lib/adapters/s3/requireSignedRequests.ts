import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import S3Error from 's3rver/lib/models/error.js';
import { verifySigV4, type S3Credentials } from './verifySigV4.js';

/** The part of s3rver's Koa context this step reads and replaces. */
export interface S3rverContext {
  method: string;
  req: IncomingMessage | Readable;
  request: { req: IncomingMessage };
}

// S3 answers a body that does not match its signed hash with 400 XAmzContentSHA256Mismatch.
const mismatch = () => Object.assign(new S3Error('XAmzContentSHA256Mismatch', 'the body does not match its signed x-amz-content-sha256'), { status: 400, expose: true });

/**
 * A Koa middleware put in front of s3rver (whose own check accepts anonymous requests and never
 * verifies a V4 signature): every request must carry a valid SigV4 signature by this server's key
 * pair, in the Authorization header or a presigned URL. A body signed by its SHA-256 is hashed on
 * its way to the store, which keeps it only if the hash matches (GuardedFilesystemStore writes to a
 * temporary file and renames it into place at the end).
 */
export function requireSignedRequests(credentials: S3Credentials, clock: () => Date = () => new Date()) {
  return async (ctx: S3rverContext, next: () => Promise<void>): Promise<void> => {
    const req = ctx.request.req;
    const verdict = await verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, credentials, clock());
    if (!verdict.ok) throw new S3Error(verdict.code, verdict.message);
    if ((ctx.method === 'PUT' || ctx.method === 'POST') && verdict.payloadHash !== 'UNSIGNED-PAYLOAD') {
      const verifier = sha256Verifier(verdict.payloadHash);
      // pipeline, not pipe: a client that aborts mid-body must fail the write, not leave it waiting.
      pipeline(req, verifier, () => undefined);
      ctx.req = verifier;
    }
    await next();
  };
}

/** Passes a body through unchanged and fails at its end if its SHA-256 is not the signed one. */
function sha256Verifier(expectedHex: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === expectedHex ? null : mismatch());
    },
  });
}
