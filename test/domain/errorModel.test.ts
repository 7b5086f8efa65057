import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse, HttpError } from '../../lib/app/http/errorResponse.js';
import { AftercallError } from '../../lib/domain/errors.js';

const repo = new URL('../../', import.meta.url).pathname;
const SECRET = 'detail only the log may see';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(repo, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))),
  );
  return nested.flat();
}

/** Every error class declared in lib/ and lambdas/, found in the source so a new one cannot slip past. */
async function errorClasses(): Promise<{ file: string; name: string; abstract: boolean; type: new (...args: never[]) => Error }[]> {
  const files = [...(await sourceFiles('lib')), ...(await sourceFiles('lambdas'))];
  const found = [];
  for (const file of files) {
    const text = await readFile(join(repo, file), 'utf8');
    const declared = [...text.matchAll(/export (abstract )?class (\w+Error) extends (\w+)/g)];
    if (declared.length === 0) continue;
    const module = (await import(join(repo, file))) as Record<string, new (...args: never[]) => Error>;
    for (const [, abstract, name = ''] of declared) {
      const type = module[name];
      if (type === undefined) throw new Error(`${relative(repo, file)} declares ${name} but does not export it`);
      found.push({ file, name, abstract: abstract !== undefined, type });
    }
  }
  return found;
}

const instanceOf = (type: new (...args: never[]) => Error): Error =>
  type === (HttpError as unknown) ? new HttpError(409, SECRET) : new (type as unknown as new (message: string) => Error)(SECRET);

describe('the error model', () => {
  it('every error class is under one root that says its HTTP status and whether its message may be shown', async () => {
    const classes = await errorClasses();
    expect(classes.length).toBeGreaterThanOrEqual(38);
    const outside = classes.filter(({ type }) => type !== (AftercallError as unknown) && !(type.prototype instanceof AftercallError)).map(({ name }) => name);
    expect(outside).toEqual([]);
    for (const { name, type } of classes.filter((c) => !c.abstract)) {
      const error = instanceOf(type) as AftercallError;
      expect(error.name, name).toBe(name);
      expect(error.status, name).toBeGreaterThanOrEqual(400);
      expect(error.status, name).toBeLessThan(600);
      expect(typeof error.expose, name).toBe('boolean');
      // Server-side errors never show their message: it may name keys, files or a provider's answer.
      if (error.status >= 500) expect(error.expose, name).toBe(false);
    }
  });

  it('the HTTP mapping is derived from each error: its status, its message only when exposed, Retry-After on 503', async () => {
    const app = new Hono();
    let next: Error = new Error('unset');
    const logged: unknown[] = [];
    app.get('/', () => {
      throw next;
    });
    app.onError((error, c) => errorResponse(error, c, (_message, cause) => logged.push(cause)));

    const concrete = (await errorClasses()).filter((c) => !c.abstract);
    for (const { name, type } of concrete) {
      next = instanceOf(type);
      const { status, expose } = next as AftercallError;
      const response = await app.request('/');
      const body = (await response.json()) as { error: { status: number; message: string } };
      expect(response.status, name).toBe(status);
      expect(body.error.status, name).toBe(status);
      if (expose) expect(body.error.message, name).toBe(SECRET);
      else {
        expect(body.error.message, name).not.toContain(SECRET);
        expect(logged, name).toContain(next);
      }
      expect(response.headers.get('retry-after') !== null, name).toBe(status === 503);
    }
  });

  it('anything that is not ours is a generic 500 that leaks nothing', async () => {
    const app = new Hono();
    app.get('/', () => {
      throw new TypeError(SECRET);
    });
    app.onError((error, c) => errorResponse(error, c, () => undefined));
    const response = await app.request('/');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(SECRET);
  });
});
