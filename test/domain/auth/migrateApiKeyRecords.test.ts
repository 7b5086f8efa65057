import { describe, expect, it } from 'vitest';
import { API_KEYS_PREFIX, apiKeyRecordsPrefix } from '../../../lib/domain/auth/apiKeySchema.js';
import { createApiKey, listApiKeys, resolveApiKey, revokeApiKey } from '../../../lib/domain/auth/apiKeys.js';
import { migrateApiKeyRecords } from '../../../lib/domain/auth/migrateApiKeyRecords.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';
import { readRecorder } from '../../support/readRecorder.js';

/** Moves a record back to the first layout, `<keyId>.json`, as a store from before has it. */
async function toFirstLayout(blobs: ReturnType<typeof memoryBlobs>, keyId: string): Promise<string> {
  const [name = ''] = await blobs.list(apiKeyRecordsPrefix(keyId));
  const legacy = `${API_KEYS_PREFIX}${keyId}.json`;
  await blobs.put(legacy, blobs.objects.get(name) ?? '');
  await blobs.delete([name]);
  return legacy;
}

describe('migrating API key records to their id-and-hash names', () => {
  it('moves each first-layout record from the hash it stores, and the key works again', async () => {
    const made = memoryBlobs();
    const { key, record } = await createApiKey(made, { tenantId: 'acme', role: 'admin', name: 'old' });
    const newName = [...made.objects.keys()][0];
    const legacy = await toFirstLayout(made, record.keyId);
    // A fresh store object: no cache from creating the key.
    const blobs = memoryBlobs();
    for (const [name, text] of made.objects) await blobs.put(name, text);
    expect(await resolveApiKey(blobs, key)).toBeNull();

    expect(await migrateApiKeyRecords(blobs)).toEqual([record.keyId]);
    expect([...blobs.objects.keys()]).toEqual([newName]);
    expect(blobs.objects.has(legacy)).toBe(false);
    expect(await resolveApiKey(blobs, key)).toEqual({ tenantId: 'acme', role: 'admin', keyId: record.keyId });
    expect(await migrateApiKeyRecords(blobs)).toEqual([]);
  });

  it('leaves a corrupt or misnamed first-layout record alone, and it authenticates nothing', async () => {
    const blobs = memoryBlobs();
    const { record } = await createApiKey(blobs, { tenantId: 'acme', role: 'admin', name: 'x' });
    const legacy = await toFirstLayout(blobs, record.keyId);
    const misnamed = `${API_KEYS_PREFIX}000000000000.json`;
    await blobs.put(misnamed, blobs.objects.get(legacy) ?? '');
    await blobs.put(legacy, '{ not json');
    expect(await migrateApiKeyRecords(blobs)).toEqual([]);
    expect([...blobs.objects.keys()].sort()).toEqual([misnamed, legacy].sort());
  });

  it('revokes across processes within the cache time: another store object stops accepting the key after 30 s', async () => {
    const shared = memoryBlobs();
    // Two processes: two BlobStore objects over the same objects, each with its own cache.
    const otherProcess = readRecorder(shared).wrapped;
    const { key, record } = await createApiKey(shared, { tenantId: 'acme', role: 'member', name: 'x' });
    const now = Date.now();
    expect(await resolveApiKey(otherProcess, key, now)).not.toBeNull();
    expect(await revokeApiKey(shared, record.keyId)).toBe(true);
    expect(await resolveApiKey(otherProcess, key, now + 29_000)).not.toBeNull();
    expect(await resolveApiKey(otherProcess, key, now + 30_001)).toBeNull();
    expect(await listApiKeys(shared)).toEqual([]);
  });
});
