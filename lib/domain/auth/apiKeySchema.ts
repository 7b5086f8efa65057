import { z } from 'zod';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import { TenantId } from '../meetings/schema.js';

export const API_KEY_SCHEMA_VERSION = 1;

export const ApiKeyRoleSchema = z.enum(['member', 'admin']);
export type ApiKeyRole = z.infer<typeof ApiKeyRoleSchema>;

/** 12 hex characters: the public half of a key, safe to show, log and use as a file name. */
export const KeyIdSchema = z.string().regex(/^[0-9a-f]{12}$/, 'key ids are 12 hex characters');

export const ApiKeyRecordSchema = z.object({
  schemaVersion: z.literal(API_KEY_SCHEMA_VERSION),
  keyId: KeyIdSchema,
  tenantId: TenantId,
  role: ApiKeyRoleSchema,
  name: z.string().min(1).max(200),
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;

/** What listing shows: everything but the hash. */
export type ApiKeyInfo = Omit<ApiKeyRecord, 'hash' | 'schemaVersion'>;

export const CreateApiKeyInputSchema = z.object({
  tenantId: TenantId,
  role: ApiKeyRoleSchema,
  name: z.string().trim().min(1, 'name must not be empty').max(200),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInputSchema>;

export const API_KEYS_PREFIX = `${CONTROL_PREFIX}keys/`;
/**
 * A key's record is named by its id AND the SHA-256 of its secret, so only a whole valid key
 * names an object that exists: a guess with an unknown id and one with a known id but a wrong
 * secret both read an absent object — the same store call with the same outcome (no oracle).
 */
export const apiKeyRecordKey = (keyId: string, hash: string): string => `${API_KEYS_PREFIX}${keyId}/${hash}.json`;
/** Every record of one key id (revoke lists here). */
export const apiKeyRecordsPrefix = (keyId: string): string => `${API_KEYS_PREFIX}${keyId}/`;
/** The first layout, `<keyId>.json`: only the migration reads it, never a request. */
export const LEGACY_API_KEY_RECORD_KEY = new RegExp(`^${API_KEYS_PREFIX}[0-9a-f]{12}\\.json$`);

/** `ak_<keyId>_<secret>`: the secret is 32 random bytes in base64url (43 characters). */
export const API_KEY_PATTERN = /^ak_([0-9a-f]{12})_([A-Za-z0-9_-]{43,128})$/;
