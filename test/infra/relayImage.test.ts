import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/freePort.js';
import { makeTempDir } from '../support/tempDir.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const DOCKERFILE = join(repo, 'lib/infra/relay/Dockerfile');

/** The Dockerfile's bundling step, as written there (continuation lines joined), writing into `outdir`. */
function bundleCommand(outdir: string): string {
  const text = readFileSync(DOCKERFILE, 'utf8').replace(/\\\n\s*/g, ' ');
  const command = /^RUN (npx esbuild .*)$/m.exec(text)?.[1];
  if (command === undefined) throw new Error('no esbuild step in the Dockerfile');
  return command.replace('--outfile=dist/relay.mjs', `--outfile=${join(outdir, 'relay.mjs')}`);
}

// No Docker here: this runs the image's build step and its CMD the way the image does, with the
// bundle alone in a folder (the runtime stage copies nothing else).
describe.skipIf(!existsSync(join(repo, 'bin/relay.ts')))('the relay image recipe', { timeout: 60_000 }, () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir('aftercall-relay-image-');
  });
  afterAll(() => dir.remove());

  it('bundles bin/relay.ts into one file that starts without node_modules and answers /healthz', async () => {
    execSync(bundleCommand(dir.path), { cwd: repo, stdio: 'pipe' });
    const port = await freePort();
    const relay = spawn(process.execPath, ['relay.mjs'], {
      cwd: dir.path,
      env: { PATH: process.env.PATH, PORT: String(port), AFTERCALL_HOST: '127.0.0.1', AWS_REGION: 'us-east-1', NODE_ENV: 'production' },
      stdio: 'pipe',
    });
    try {
      let response: Response | null = null;
      for (let i = 0; i < 50 && response === null; i += 1) {
        response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(async () => {
          await new Promise((done) => setTimeout(done, 200));
          return null;
        });
      }
      expect(response?.status).toBe(200);
    } finally {
      relay.kill('SIGTERM');
    }
  });
});
