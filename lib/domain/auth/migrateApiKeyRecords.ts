import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';
import { API_KEYS_PREFIX, apiKeyRecordKey, ApiKeyRecordSchema, LEGACY_API_KEY_RECORD_KEY } from './apiKeySchema.js';

/**
 * Moves records of the first layout (`_aftercall/keys/<keyId>.json`) to their name by id and
 * hash (`<keyId>/<hash>.json`), computed from the hash they store; returns the key ids moved.
 * Runs at the local stack's start-up and before every `aftercall keys … --bucket` (the deployed
 * roles may not write key records), never per request: the lookup reads only the new name. Safe to run twice or concurrently
 * (writing the same record again and deleting an absent object change nothing). A corrupt old
 * record is left where it is: no request reads it, and `keys list` skips it.
 */
export async function migrateApiKeyRecords(blobs: BlobStore): Promise<string[]> {
  const legacy = (await blobs.list(API_KEYS_PREFIX)).filter((key) => LEGACY_API_KEY_RECORD_KEY.test(key));
  const moved: string[] = [];
  for (const key of legacy) {
    const record = await findJsonIfValid(blobs, key, ApiKeyRecordSchema);
    if (record === null || key !== `${API_KEYS_PREFIX}${record.keyId}.json`) continue;
    await putJson(blobs, apiKeyRecordKey(record.keyId, record.hash), record);
    await blobs.delete([key]);
    moved.push(record.keyId);
  }
  return moved;
}
