import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { buildWeb, WEB_DIST_DIR } from '../../web/buildWeb.js';
import { once } from '../../platform/once.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// dist is flat: one path segment of plain characters, so no path can leave the folder.
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// esbuild names assets <name>-<hash>.<ext>: their content never changes under that name.
const HASHED = /-[A-Z0-9]{8}\.(js|css)(\.map)?$/;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The API may be another origin (the UI hosted on CloudFront), hence connect-src http(s);
  // the recording plays from a blob: URL fetched with the key.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self' http: https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
} as const;

export interface WebUiOptions {
  /** Serve this folder instead of web/dist, built by nothing (tests, a prebuilt copy). */
  distDir?: string;
}

/**
 * Serves the web UI's static files at `/` (index.html for `/`). Mount it after the API: a
 * path that is not a file of the UI falls through to the next route, or to the 404.
 * Without distDir, web/dist is built (if missing or stale) on the first request of a UI file,
 * not at construction, so servers and tests that never open the UI never run esbuild.
 */
export function webUiRoutes(options: WebUiOptions = {}): Hono {
  const app = new Hono();
  const dir = options.distDir ?? WEB_DIST_DIR;
  // A failed build is tried again on the next request.
  const ensureBuilt = options.distDir === undefined ? once(() => buildWeb()) : async () => undefined;

  app.get('/:file?', async (c, next) => {
    const name = c.req.param('file') ?? 'index.html';
    if (!FILE_NAME.test(name)) return next();
    await ensureBuilt();
    let body: Buffer;
    try {
      body = await readFile(join(dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return next();
      throw error;
    }
    return c.body(new Uint8Array(body), 200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      // index.html names the current hashed files, so it must be revalidated every time.
      'Cache-Control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  return app;
}
