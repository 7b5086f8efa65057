#!/usr/bin/env -S npx tsx
/**
 * Generates the web UI's API types (web/src/api/schema.d.ts) from the OpenAPI document with
 * openapi-typescript: the zod schemas in lib/app/http are the one place the contract is written.
 * `npm run gen:api`; test/app/http/apiTypes.test.ts fails when the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from '../lib/app/http/apiDocument.js';

export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

/** The generated types, as they should read now. */
export async function apiTypesSource(): Promise<string> {
  const ast = await openapiTS(apiDocument() as Parameters<typeof openapiTS>[0]);
  return astToString(ast);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(API_TYPES_FILE, await apiTypesSource());
  console.log(`wrote ${API_TYPES_FILE}`);
}
