import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

/** GET /api/me: the web UI learns the key's role from it, to show admin controls to admins only. */
describe('GET /api/me', () => {
  let fixture: StackFixture;
  let base: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
  }, 60_000);
  afterAll(() => fixture?.close());

  const me = (key: string | null) => fetch(`${base}/api/me`, key === null ? {} : { headers: { Authorization: `Bearer ${key}` } });

  it("answers the key's public id and role, never its secret", async () => {
    for (const role of ['admin', 'member'] as const) {
      const key = await fixture.apiKey({ role });
      const response = await me(key);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ keyId: key.split('_')[1], role });
      expect(text).not.toContain(key.slice(16));
    }
  });

  it('refuses a missing or unknown key', async () => {
    expect((await me(null)).status).toBe(401);
    expect((await me(`ak_000000000000_${'B'.repeat(43)}`)).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    expect(doc.paths['/me']?.get?.security).toEqual([{ apiKey: [] }]);
  });
});
