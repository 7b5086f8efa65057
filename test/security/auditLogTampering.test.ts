import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lib/domain/audit/auditEntry.js';
import { auditEntryKey, auditTenantPrefix } from '../../lib/domain/audit/auditKeys.js';
import { sendRaw, signRaw } from '../support/rawS3Request.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/**
 * Attack: an admin who wants to hide what they did rewrites or removes their audit entries —
 * through the API with their admin key, or by writing the entry's object again with a
 * conditional PUT as the log itself does.
 */
describe('attack: an admin overwrites or deletes audit entries', () => {
  let fixture: StackFixture;
  let admin: string;
  let entry: AuditEntry;

  const api = (path: string, method: string, body?: string) =>
    fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
  const log = async () => ((await (await api('/audit', 'GET')).json()) as { entries: AuditEntry[] }).entries;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    admin = await fixture.apiKey();
    expect((await api('/search?q=salaries', 'GET')).status).toBe(200);
    const [first] = await log();
    if (first === undefined) throw new Error('the search was not recorded');
    entry = first;
  });
  afterAll(() => fixture.close());

  it('no API method writes, changes or removes an entry', async () => {
    const forged = JSON.stringify({ ...entry, details: { q: 'nothing to see' } });
    for (const path of ['/audit', `/audit/${entry.id}`, `/audit/${encodeURIComponent(entry.id)}`]) {
      for (const method of ['PUT', 'POST', 'PATCH', 'DELETE']) {
        const response = await api(path, method, method === 'DELETE' ? undefined : forged);
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await log()).toContainEqual(entry);
    expect(JSON.stringify(await log())).not.toContain('nothing to see');
  });

  it('a conditional write of an existing entry is refused by the store (412) and leaves it as it was', async () => {
    const key = auditEntryKey(entry.tenantId, entry.id);
    const before = await fixture.stack.deps.blobs.getText(key);
    const path = `/${fixture.stack.config.AFTERCALL_BUCKET}/${key}`;
    const body = JSON.stringify({ ...entry, details: { q: 'nothing to see' } });
    const signed = await signRaw(fixture.stack.s3.endpoint, { method: 'PUT', path, headers: { 'if-none-match': '*', 'content-type': 'application/json' }, body }, fixture.stack.s3.credentials);
    const response = await sendRaw(fixture.stack.s3.endpoint, signed);
    expect(response.status).toBe(412);
    expect(response.body).toContain('PreconditionFailed');
    expect(await fixture.stack.deps.blobs.getText(key)).toBe(before);
    expect(await log()).toContainEqual(entry);
  });

  it('an entry copied under another name is not believed: it is reported unreadable, not shown', async () => {
    const [key] = await fixture.stack.deps.blobs.list(auditTenantPrefix(entry.tenantId));
    const body = await fixture.stack.deps.blobs.getText(key ?? '');
    const stolenName = auditEntryKey(entry.tenantId, entry.id.replace(/-[0-9a-f]{16}$/, `-${'0'.repeat(16)}`));
    await fixture.stack.deps.blobs.put(stolenName, body ?? '', 'application/json');
    const page = (await (await api('/audit', 'GET')).json()) as { entries: AuditEntry[]; unreadable: string[] };
    expect(page.entries.filter((shown) => shown.id === entry.id)).toHaveLength(1);
    expect(page.unreadable).toEqual([entry.id.replace(/-[0-9a-f]{16}$/, `-${'0'.repeat(16)}`)]);
  });
});
