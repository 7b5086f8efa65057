import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';
import {
  API_KEY_PATTERN,
  API_KEY_SCHEMA_VERSION,
  API_KEYS_PREFIX,
  apiKeyRecordKey,
  apiKeyRecordsPrefix,
  ApiKeyRecordSchema,
  CreateApiKeyInputSchema,
  KeyIdSchema,
  type ApiKeyInfo,
  type ApiKeyRecord,
  type ApiKeyRole,
  type CreateApiKeyInput,
} from './apiKeySchema.js';
import { BadRequestError } from '../errors.js';

/** Who a valid key belongs to (the same shape as the HTTP layer's AuthContext). */
export interface ResolvedApiKey {
  tenantId: string;
  role: ApiKeyRole;
  keyId: string;
}

export class InvalidApiKeyInputError extends BadRequestError {
  override readonly name = 'InvalidApiKeyInputError';
}

/**
 * A plain SHA-256 of the secret, not bcrypt/scrypt/argon2: those slow hashes exist to make
 * guessing low-entropy *passwords* expensive. Our secrets are 256 random bits — no dictionary
 * or brute force gets anywhere near them — so a fast hash loses nothing, and it keeps every
 * authenticated request cheap (a slow hash per request would be a denial-of-service lever).
 */
const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Records of keys presented with their right secret in the last 30 s, by record name, so an
 * authenticated request does not read the store every time. Only a whole valid key reaches the
 * cache: every guess (an unknown id, or a known id with a wrong secret) misses it alike, reads
 * one absent record from the store and hashes once — nothing tells which key ids exist — and
 * guesses cannot fill the cache.
 */
const CACHE_MS = 30_000;
const caches = new WeakMap<BlobStore, Map<string, { record: ApiKeyRecord; expiresAt: number }>>();
const cacheOf = (blobs: BlobStore) => {
  let cache = caches.get(blobs);
  if (cache === undefined) caches.set(blobs, (cache = new Map()));
  return cache;
};

/** Makes a key and stores its hash. The key is returned here once and can never be read again. */
export async function createApiKey(blobs: BlobStore, input: CreateApiKeyInput, now: Date = new Date()): Promise<{ key: string; record: ApiKeyInfo }> {
  const parsed = CreateApiKeyInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidApiKeyInputError(`invalid API key: ${z.prettifyError(parsed.error)}`);
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record: ApiKeyRecord = {
    schemaVersion: API_KEY_SCHEMA_VERSION,
    keyId,
    tenantId: parsed.data.tenantId,
    role: parsed.data.role,
    name: parsed.data.name,
    hash: hashSecret(secret),
    createdAt: now.toISOString(),
  };
  await putJson(blobs, apiKeyRecordKey(keyId, record.hash), record);
  return { key: `ak_${keyId}_${secret}`, record: withoutHash(record) };
}

/**
 * The caller a bearer key stands for, or null when it is malformed, unknown, revoked or wrong.
 * The record's name holds the secret's hash, so there is nothing to compare after the read: a
 * wrong secret names a record that does not exist. (No fallback to the first layout's
 * `<keyId>.json` here: reading that would tell known ids from unknown ones again.)
 */
export async function resolveApiKey(blobs: BlobStore, bearer: string, now: number = Date.now()): Promise<ResolvedApiKey | null> {
  const match = API_KEY_PATTERN.exec(bearer);
  if (match === null) return null;
  const [, keyId = '', secret = ''] = match;
  const name = apiKeyRecordKey(keyId, hashSecret(secret));
  const cache = cacheOf(blobs);
  const cached = cache.get(name);
  if (cached !== undefined && cached.expiresAt > now) return resolvedFrom(cached.record);
  const record = await findJsonIfValid(blobs, name, ApiKeyRecordSchema);
  // A record filed under another key's name (written by hand, or corrupt) proves nothing.
  if (record === null || apiKeyRecordKey(record.keyId, record.hash) !== name) {
    cache.delete(name);
    return null;
  }
  cache.set(name, { record, expiresAt: now + CACHE_MS });
  return resolvedFrom(record);
}

const resolvedFrom = (record: ApiKeyRecord): ResolvedApiKey => ({ tenantId: record.tenantId, role: record.role, keyId: record.keyId });

/**
 * Deletes the key's records (listed under its id); true when there were any. This process
 * forgets it at once; other processes sharing the store stop accepting it within their cache
 * time (30 s).
 */
export async function revokeApiKey(blobs: BlobStore, keyId: string): Promise<boolean> {
  if (!KeyIdSchema.safeParse(keyId).success) return false;
  const cache = cacheOf(blobs);
  for (const [name, entry] of cache) if (entry.record.keyId === keyId) cache.delete(name);
  const records = await blobs.list(apiKeyRecordsPrefix(keyId));
  if (records.length === 0) return false;
  await blobs.delete(records);
  return true;
}

/** One key's public facts (its tenant, role and name), or null when there is no such key. */
export async function describeApiKey(blobs: BlobStore, keyId: string): Promise<ApiKeyInfo | null> {
  if (!KeyIdSchema.safeParse(keyId).success) return null;
  for (const key of await blobs.list(apiKeyRecordsPrefix(keyId))) {
    const record = await findJsonIfValid(blobs, key, ApiKeyRecordSchema);
    if (record !== null && record.keyId === keyId) return withoutHash(record);
  }
  return null;
}

/** A tenant's keys (every tenant's when none is given), oldest first; never the hashes. */
export async function listApiKeys(blobs: BlobStore, tenantId?: string): Promise<ApiKeyInfo[]> {
  const keys = await blobs.list(API_KEYS_PREFIX);
  const records = await Promise.all(keys.map((key) => findJsonIfValid(blobs, key, ApiKeyRecordSchema)));
  return records
    .filter((record): record is ApiKeyRecord => record !== null && (tenantId === undefined || record.tenantId === tenantId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId))
    .map(withoutHash);
}

function withoutHash(record: ApiKeyRecord): ApiKeyInfo {
  const { keyId, tenantId, role, name, createdAt } = record;
  return { keyId, tenantId, role, name, createdAt };
}
