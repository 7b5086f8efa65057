#!/usr/bin/env -S npx tsx
/**
 * Lints the OpenAPI document with Redocly's `recommended` rules (redocly.yaml at the repository
 * root, where the few rules we set otherwise say why): writes the document to a temp file and runs
 * `redocly lint` on it. `npm run lint:api`; exits non-zero on any error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiDocument } from '../lib/app/http/apiDocument.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aftercall-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, `${JSON.stringify(apiDocument(), null, 2)}\n`);
  const redocly = join(root, 'node_modules', '.bin', 'redocly');
  const lint = spawnSync(redocly, ['lint', file, '--config', join(root, 'redocly.yaml')], { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
