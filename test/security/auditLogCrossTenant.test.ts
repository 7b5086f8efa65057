import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lib/domain/audit/auditEntry.js';
import { auditEntryId } from '../../lib/domain/audit/auditKeys.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/**
 * Attack: an admin of tenant A reads tenant B's audit log (what B's admins searched for, which
 * meetings they deleted) by naming B in the query, or by a cursor that names a key in B's folder.
 */
describe("attack: tenant A's admin reads tenant B's audit log", () => {
  let fixture: StackFixture;
  let adminA: string;
  let adminB: string;

  const get = async (path: string, key: string) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, text: await response.text() };
  };
  const entriesOf = (text: string) => (JSON.parse(text) as { entries: AuditEntry[] }).entries;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    adminA = await fixture.apiKey();
    adminB = await fixture.apiKey({ tenantId: 'acme' });
    // B's admin searches for something secret; A's admin searches too.
    expect((await get('/search?q=acme%20layoff%20plan', adminB)).status).toBe(200);
    expect((await get('/search?q=quarterly%20numbers', adminA)).status).toBe(200);
  });
  afterAll(() => fixture.close());

  it("B's admin sees B's entry (the log this attack aims at exists)", async () => {
    const own = await get('/audit', adminB);
    expect(own.status).toBe(200);
    expect(entriesOf(own.text).map((entry) => entry.details.q)).toEqual(['acme layoff plan']);
  });

  it("A's admin sees only A's entries", async () => {
    const own = await get('/audit?limit=200', adminA);
    expect(own.status).toBe(200);
    expect(entriesOf(own.text).every((entry) => entry.tenantId === fixture.tenantId)).toBe(true);
    expect(own.text).not.toContain('layoff');
  });

  it('a tenant named in the query is refused (400), not obeyed', async () => {
    for (const query of ['?tenant=acme', '?tenantId=acme', '?limit=5&tenant=acme']) {
      const response = await get(`/audit${query}`, adminA);
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('layoff');
    }
  });

  it("a cursor that names a key in B's folder is refused, and a well-formed one still reads A's folder alone", async () => {
    const future = auditEntryId(new Date(Date.now() + 86_400_000), 'archive.search', 'f'.repeat(16));
    for (const cursor of [`../acme/${future}`, `..%2Facme%2F${future}`, `${future}/../../acme`, '_aftercall/audit/acme/']) {
      const response = await get(`/audit?cursor=${encodeURIComponent(cursor)}`, adminA);
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('layoff');
    }
    const wellFormed = await get(`/audit?cursor=${future}`, adminA);
    expect(wellFormed.status).toBe(200);
    expect(wellFormed.text).not.toContain('layoff');
    expect(entriesOf(wellFormed.text).map((entry) => entry.details.q)).toContain('quarterly numbers');
  });
});
