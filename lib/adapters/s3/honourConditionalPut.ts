import S3Error from 's3rver/lib/models/error.js';
import type { S3rverContext } from './requireSignedRequests.js';

/** Bodies of PUTs sent with `If-None-Match: *`: the store writes them only where no object exists. */
export const createOnlyBodies = new WeakSet<object>();

/**
 * s3rver ignores `If-None-Match` on PUT, so a conditional write would silently overwrite. S3 writes
 * an object sent with `If-None-Match: *` only if its key is free (412 PreconditionFailed otherwise)
 * and accepts no other value, nor the header on a copy or a part. This step marks the body for
 * GuardedFilesystemStore, which checks and writes in one turn of the key. It runs after the
 * signature check, which may replace the body stream.
 */
export function honourConditionalPut() {
  return async (ctx: S3rverContext & { headers: Record<string, string | string[] | undefined> }, next: () => Promise<void>): Promise<void> => {
    const condition = ctx.headers['if-none-match'];
    if (ctx.method === 'PUT' && condition !== undefined) {
      const url = ctx.request.req.url ?? '';
      const copyOrPart = ctx.headers['x-amz-copy-source'] !== undefined || /[?&](uploadId|partNumber)=/.test(url);
      if (condition !== '*' || copyOrPart) throw new S3Error('NotImplemented', 'If-None-Match is supported only as "*" on a whole-object PUT');
      createOnlyBodies.add(ctx.req);
    }
    await next();
  };
}
