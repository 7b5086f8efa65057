/**
 * Builds the web UI (web/) into static files in web/dist/: index.html, and main-<hash>.js and
 * styles-<hash>.css with content hashes, so index.html can be served no-cache and the rest
 * cached for a year, by aftercall in local mode or from S3/CloudFront.
 *
 * Idempotent and fast: a hash of the sources is kept in dist/build.json and nothing is built
 * when it matches. `npx tsx bin/buildWeb.ts [--force]`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST_DIR = join(WEB_DIR, 'dist');
const STAMP = 'build.json';

export interface WebBuild {
  dir: string;
  /** False when dist was already up to date. */
  built: boolean;
  sourceHash: string;
}

/** Builds web/dist when it is missing or older than the sources (or always, with force). */
export async function buildWeb(options: { force?: boolean } = {}): Promise<WebBuild> {
  const sourceHash = await hashSources();
  if (options.force !== true && (await stampOf(WEB_DIST_DIR)) === sourceHash) return { dir: WEB_DIST_DIR, built: false, sourceHash };

  // Build beside dist and swap it in, so a server never sees half a build.
  const staging = `${WEB_DIST_DIR}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  try {
    // esbuild comes with tsx; imported here only, so serving a built dist never needs it.
    const { build } = await import('esbuild');
    const result = await build({
      absWorkingDir: WEB_DIR,
      entryPoints: { main: 'src/main.ts', styles: 'styles.css' },
      tsconfig: join(WEB_DIR, 'tsconfig.json'),
      bundle: true,
      minify: true,
      sourcemap: 'linked',
      format: 'esm',
      target: ['es2022', 'chrome111', 'safari16.4', 'firefox115'],
      entryNames: '[name]-[hash]',
      outdir: staging,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = Object.keys(result.metafile.outputs).map((path) => relative(staging, join(WEB_DIR, path)));
    const script = outputs.find((name) => /^main-.*\.js$/.test(name));
    const styles = outputs.find((name) => /^styles-.*\.css$/.test(name));
    if (script === undefined || styles === undefined) throw new Error(`esbuild did not write main and styles: ${outputs.join(', ')}`);

    const html = (await readFile(join(WEB_DIR, 'index.html'), 'utf8')).replace('./main.js', `./${script}`).replace('./styles.css', `./${styles}`);
    await writeFile(join(staging, 'index.html'), html);
    await writeFile(join(staging, STAMP), `${JSON.stringify({ sourceHash, files: ['index.html', ...outputs].sort() }, null, 2)}\n`);

    await rm(WEB_DIST_DIR, { recursive: true, force: true });
    await rename(staging, WEB_DIST_DIR).catch(async (error: unknown) => {
      // Another process (a second server, a parallel test) swapped in the same build first.
      if ((await stampOf(WEB_DIST_DIR)) !== sourceHash) throw error;
      await rm(staging, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir: WEB_DIST_DIR, built: true, sourceHash };
}

/** Hashes web/index.html, web/styles.css, web/tsconfig.json and web/src/** (names and bytes). */
async function hashSources(): Promise<string> {
  const files = ['index.html', 'styles.css', 'tsconfig.json', ...(await listFiles(join(WEB_DIR, 'src'))).map((path) => relative(WEB_DIR, path))].sort();
  const hash = createHash('sha256');
  // The build itself is an input: a change to how it builds must rebuild.
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(WEB_DIR, file)));
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

async function stampOf(dir: string): Promise<string | null> {
  try {
    const stamp = JSON.parse(await readFile(join(dir, STAMP), 'utf8')) as { sourceHash?: unknown };
    return typeof stamp.sourceHash === 'string' ? stamp.sourceHash : null;
  } catch {
    return null;
  }
}
