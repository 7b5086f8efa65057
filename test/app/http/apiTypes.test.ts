import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../../bin/genApi.js';
import { apiDocument } from '../../../lib/app/http/apiDocument.js';

describe("the web UI's API types (web/src/api/schema.d.ts)", () => {
  it('are what openapi-typescript generates from the document now: run `npm run gen:api` and commit when this fails', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed === (await apiTypesSource()), 'web/src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
  }, 60_000);

  it('name the meeting contract, so web/src/types.ts only aliases it', async () => {
    const source = await apiTypesSource();
    for (const name of ['MeetingSummary', 'Meeting', 'MeetingDetail', 'ActionItem', 'Transcript', 'Translation', 'SearchHit']) expect(source).toContain(`        ${name}: {`);
    const types = await readFile(new URL('../../../web/src/types.ts', import.meta.url), 'utf8');
    // Aliases only: no shape is written out again by hand.
    expect(types).not.toMatch(/\binterface\b|:\s*\{/);
  }, 60_000);

  it('keep null where the API answers null: no named schema is nullable itself (a `.nullable()` on a schema with an id makes it so)', () => {
    const schemas = (apiDocument().components?.schemas ?? {}) as Record<string, { type?: unknown }>;
    const nullable = Object.entries(schemas).filter(([, schema]) => Array.isArray(schema.type) && schema.type.includes('null'));
    expect(nullable.map(([name]) => name)).toEqual([]);
  });
});
