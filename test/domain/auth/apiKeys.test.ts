import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeyRecordKey } from '../../../lib/domain/auth/apiKeySchema.js';
import { createApiKey, InvalidApiKeyInputError, listApiKeys, resolveApiKey, revokeApiKey } from '../../../lib/domain/auth/apiKeys.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';


describe('API keys', () => {
  it('creates a key of the documented format and resolves it to its tenant and role', async () => {
    const blobs = memoryBlobs();
    const { key, record } = await createApiKey(blobs, { tenantId: 'acme', role: 'member', name: 'web UI' });
    expect(key).toMatch(/^ak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.split('_')[1]).toBe(record.keyId);
    expect(await resolveApiKey(blobs, key)).toEqual({ tenantId: 'acme', role: 'member', keyId: record.keyId });
  });

  it('stores only a SHA-256 hash of the secret, never the key', async () => {
    const blobs = memoryBlobs();
    const { key, record } = await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'ops' });
    const secret = key.slice(`ak_${record.keyId}_`.length);
    const hash = createHash('sha256').update(secret).digest('hex');
    // Named by id and hash: only the whole key names an object that exists.
    expect([...blobs.objects.keys()]).toEqual([apiKeyRecordKey(record.keyId, hash)]);
    const stored = blobs.objects.get(apiKeyRecordKey(record.keyId, hash)) ?? '';
    expect(stored).not.toContain(secret);
    expect(JSON.parse(stored)).toMatchObject({ schemaVersion: 1, keyId: record.keyId, tenantId: 'acme', role: 'admin', name: 'ops', hash });
  });

  it('refuses malformed, unknown and wrong-secret keys', async () => {
    const blobs = memoryBlobs();
    const { key, record } = await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'ops' });
    const wrongSecret = `ak_${record.keyId}_${'A'.repeat(43)}`;
    for (const bearer of ['', 'nonsense', `ak_${record.keyId}_short`, `ak_000000000000_${'A'.repeat(43)}`, wrongSecret, `${key}x`.slice(1)]) {
      expect(await resolveApiKey(blobs, bearer)).toBeNull();
    }
  });

  it('lists a tenant’s keys without hashes', async () => {
    const blobs = memoryBlobs();
    await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'one' });
    await createApiKey(blobs, { tenantId: 'other', role: 'member', name: 'two' });
    const listed = await listApiKeys(blobs, 'acme');
    expect(listed).toEqual([expect.objectContaining({ tenantId: 'acme', name: 'one', role: 'admin' })]);
    expect(JSON.stringify(listed)).not.toMatch(/hash|[0-9a-f]{64}/);
    expect(await listApiKeys(blobs)).toHaveLength(2);
  });

  it('reads a key once per cache period, and forgets it at once when revoked', async () => {
    const blobs = memoryBlobs();
    const { key, record } = await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'ops' });
    await resolveApiKey(blobs, key);
    const reads = blobs.reads;
    await resolveApiKey(blobs, key);
    expect(blobs.reads).toBe(reads);
    expect(await revokeApiKey(blobs, record.keyId)).toBe(true);
    expect(await resolveApiKey(blobs, key)).toBeNull();
    expect(await revokeApiKey(blobs, record.keyId)).toBe(false);
    expect(await revokeApiKey(blobs, '../../etc')).toBe(false);
  });

  it('refuses a record filed under another key’s name', async () => {
    const blobs = memoryBlobs();
    const { key, record } = await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'ops' });
    const [name = ''] = [...blobs.objects.keys()];
    const guessed = `ak_${record.keyId}_${'B'.repeat(43)}`;
    // Someone with write access copies a real record to the name a secret of their choosing hashes to.
    const forgedName = apiKeyRecordKey(record.keyId, createHash('sha256').update('B'.repeat(43)).digest('hex'));
    await blobs.put(forgedName, blobs.objects.get(name) ?? '');
    expect(await resolveApiKey(blobs, guessed)).toBeNull();
    expect(await resolveApiKey(blobs, key)).toMatchObject({ tenantId: 'acme' });
  });

  it('rejects a bad tenant, role or name with a clear message', async () => {
    const blobs = memoryBlobs();
    await expect(createApiKey(blobs, { tenantId: 'Not A Tenant', role: 'admin', name: 'x' })).rejects.toThrow(InvalidApiKeyInputError);
    await expect(createApiKey(blobs, { tenantId: 'acme', role: 'owner' as 'admin', name: 'x' })).rejects.toThrow(/role/);
    await expect(createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: ' ' })).rejects.toThrow(/name/);
  });
});
