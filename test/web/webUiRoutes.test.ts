import { Hono } from 'hono';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUiRoutes } from '../../lib/app/http/webUiRoutes.js';
import { makeTempDir } from '../support/tempDir.js';

describe('webUiRoutes', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: Hono;

  beforeAll(async () => {
    dir = await makeTempDir();
    await mkdir(join(dir.path, 'nested'));
    await writeFile(join(dir.path, 'index.html'), '<!doctype html><title>ui</title>');
    await writeFile(join(dir.path, 'main-ABCDEF12.js'), 'console.log(1)');
    await writeFile(join(dir.path, 'build.json'), '{}');
    await writeFile(join(dir.path, 'nested', 'secret.txt'), 'no');
    app = new Hono();
    app.route('/', webUiRoutes({ distDir: dir.path }));
    // What the UI does not serve falls through to the rest of the app.
    app.get('/healthz', (c) => c.json({ ok: true }));
    app.notFound((c) => c.json({ error: { status: 404, message: 'no such route' } }, 404));
  });
  afterAll(() => dir.remove());

  it('serves index.html at / and revalidates it every time', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>ui</title>');
  });

  it('caches content-hashed assets for a year', async () => {
    const response = await app.request('/main-ABCDEF12.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('lets other routes and unknown paths through, and never leaves the folder', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/nested')).status).toBe(404);
    expect((await app.request('/nested/secret.txt')).status).toBe(404);
    expect((await app.request('/..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/%2e%2e/package.json')).status).toBe(404);
  });
});
