import { z } from 'zod';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import { TenantId } from '../meetings/schema.js';

export const SHARE_LINK_SCHEMA_VERSION = 1;

/** A share link's public id: in the audit log, the admin's list and the revoke route; never enough to read. */
export const ShareLinkIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'share link ids are 16 hex characters');

/** `sl_<linkId>_<secret>`: the secret is 256 random bits, base64url. */
export const SHARE_TOKEN_PATTERN = /^sl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** The longest a link may live: long enough for a project, short enough that forgotten links die. */
export const SHARE_LINK_MAX_DAYS = 90;

/** What an admin sees of a link, and what the tenant's list keeps: never the token or its hash. */
export const ShareLinkInfoSchema = z.object({
  linkId: ShareLinkIdSchema,
  tenantId: TenantId,
  meetingId: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The admin key that made it (its public id). */
  createdBy: z.string().min(1).max(64),
  revokedAt: z.iso.datetime().nullable(),
});
export type ShareLinkInfo = z.infer<typeof ShareLinkInfoSchema>;

/** The record a token finds: named by the link id AND the SHA-256 of the secret, so only a whole token finds one. */
export const ShareTokenRecordSchema = z.object({
  schemaVersion: z.literal(SHARE_LINK_SCHEMA_VERSION),
  linkId: ShareLinkIdSchema,
  tenantId: TenantId,
  meetingId: z.string().min(1).max(200),
  expiresAt: z.iso.datetime(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ShareTokenRecord = z.infer<typeof ShareTokenRecordSchema>;

export const SHARE_LINKS_PREFIX = `${CONTROL_PREFIX}share-links/`;
export const shareTokenRecordKey = (linkId: string, hash: string): string => `${SHARE_LINKS_PREFIX}tokens/${linkId}/${hash}.json`;
export const shareTokenRecordsPrefix = (linkId: string): string => `${SHARE_LINKS_PREFIX}tokens/${linkId}/`;
export const tenantShareLinksPrefix = (tenantId: string): string => `${SHARE_LINKS_PREFIX}tenants/${tenantId}/`;
export const tenantShareLinkKey = (tenantId: string, linkId: string): string => `${tenantShareLinksPrefix(tenantId)}${linkId}.json`;
