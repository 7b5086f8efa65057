#!/usr/bin/env -S npx tsx
/** Builds the web UI into web/dist (lib/web/buildWeb.ts): `npx tsx bin/buildWeb.ts [--force]`. */
import { relative } from 'node:path';
import { buildWeb } from '../lib/web/buildWeb.js';

const started = Date.now();
buildWeb({ force: process.argv.includes('--force') }).then(
  (result) => console.log(`${result.built ? 'built' : 'up to date:'} ${relative(process.cwd(), result.dir)} (${Date.now() - started} ms)`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
