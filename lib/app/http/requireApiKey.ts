import type { Context, MiddlewareHandler } from 'hono';
import { resolveApiKey } from '../../domain/auth/apiKeys.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { ApiEnv } from './authContext.js';
import { HttpError } from './errorResponse.js';

/**
 * Every /api request names its caller with `Authorization: Bearer ak_…`; the key decides the
 * tenant and role. The key itself is never echoed back or logged — only its keyId is kept.
 */
export function requireApiKey(blobs: BlobStore): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined || header.trim() === '') {
      throw new HttpError(401, 'missing API key: send "Authorization: Bearer <key>" (create one with "aftercall keys create")');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const auth = match?.[1] === undefined ? null : await resolveApiKey(blobs, match[1]);
    if (auth === null) throw new HttpError(401, 'invalid API key: unknown, revoked or malformed');
    c.set('auth', auth);
    await next();
  };
}

/** Admin-only routes: members are refused with 403 (this reveals nothing about other tenants). */
export function requireAdmin(c: Context<ApiEnv>): void {
  if (c.get('auth').role !== 'admin') throw new HttpError(403, 'this route needs an admin API key');
}
