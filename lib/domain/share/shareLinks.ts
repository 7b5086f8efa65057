import { createHash, randomBytes } from 'node:crypto';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';
import {
  SHARE_LINK_SCHEMA_VERSION,
  SHARE_TOKEN_PATTERN,
  ShareLinkIdSchema,
  ShareLinkInfoSchema,
  ShareTokenRecordSchema,
  shareTokenRecordKey,
  shareTokenRecordsPrefix,
  tenantShareLinkKey,
  tenantShareLinksPrefix,
  type ShareLinkInfo,
  type ShareTokenRecord,
} from './shareLinkSchema.js';

/** What a valid token grants: reading this one meeting of this tenant, until expiresAt. */
export interface ResolvedShareLink {
  linkId: string;
  tenantId: string;
  meetingId: string;
  expiresAt: Date;
}

// A fast hash is enough for 256 random bits (see apiKeys.ts): no dictionary reaches them.
const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Makes a read-only link to one meeting. The token is returned here once; the store keeps its
 * hash (in the record's name) and the tenant's list keeps the link's public facts.
 */
export async function createShareLink(
  blobs: BlobStore,
  input: { tenantId: string; meetingId: string; expiresAt: Date; createdBy: string },
  now: Date,
): Promise<{ token: string; link: ShareLinkInfo }> {
  const linkId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const hash = hashSecret(secret);
  const link: ShareLinkInfo = ShareLinkInfoSchema.parse({
    linkId,
    tenantId: input.tenantId,
    meetingId: input.meetingId,
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt.toISOString(),
    createdBy: input.createdBy,
    revokedAt: null,
  });
  const record: ShareTokenRecord = { schemaVersion: SHARE_LINK_SCHEMA_VERSION, linkId, tenantId: link.tenantId, meetingId: link.meetingId, expiresAt: link.expiresAt, hash };
  // The list first: a link that exists is always listed, so an admin can always revoke it.
  await putJson(blobs, tenantShareLinkKey(link.tenantId, linkId), link);
  await putJson(blobs, shareTokenRecordKey(linkId, hash), record);
  return { token: `sl_${linkId}_${secret}`, link };
}

/**
 * The meeting a token opens, or null when it is malformed, unknown, wrong, expired or revoked.
 * The record's name holds the secret's hash, so there is no secret to compare: a wrong secret
 * (for a real link id or not) reads one object that does not exist, the same call either way.
 */
export async function resolveShareLink(blobs: BlobStore, token: string, now: Date): Promise<ResolvedShareLink | null> {
  const match = SHARE_TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  const [, linkId = '', secret = ''] = match;
  const name = shareTokenRecordKey(linkId, hashSecret(secret));
  const record = await findJsonIfValid(blobs, name, ShareTokenRecordSchema);
  // A record filed under another name (copied, or written by hand) proves nothing.
  if (record === null || shareTokenRecordKey(record.linkId, record.hash) !== name) return null;
  const expiresAt = new Date(record.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) return null;
  // Revoking marks the list first: a token whose record outlived a failed delete still stops.
  const listed = await findJsonIfValid(blobs, tenantShareLinkKey(record.tenantId, linkId), ShareLinkInfoSchema);
  if (listed === null || listed.revokedAt !== null || listed.meetingId !== record.meetingId) return null;
  return { linkId, tenantId: record.tenantId, meetingId: record.meetingId, expiresAt };
}

/** A tenant's links, newest first (expired and revoked ones too, so the admin sees what existed). */
export async function listShareLinks(blobs: BlobStore, tenantId: string, filter: { meetingId?: string } = {}): Promise<ShareLinkInfo[]> {
  const keys = await blobs.list(tenantShareLinksPrefix(tenantId));
  const links = await Promise.all(keys.map((key) => findJsonIfValid(blobs, key, ShareLinkInfoSchema)));
  return links
    .filter((link): link is ShareLinkInfo => link !== null && link.tenantId === tenantId && (filter.meetingId === undefined || link.meetingId === filter.meetingId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.linkId.localeCompare(b.linkId));
}

/**
 * Revokes one of the tenant's links: marked revoked in the list, then its token record deleted.
 * Null when the tenant has no such link (another tenant's link id is no different).
 */
export async function revokeShareLink(blobs: BlobStore, tenantId: string, linkId: string, now: Date): Promise<ShareLinkInfo | null> {
  if (!ShareLinkIdSchema.safeParse(linkId).success) return null;
  const link = await findJsonIfValid(blobs, tenantShareLinkKey(tenantId, linkId), ShareLinkInfoSchema);
  if (link === null || link.tenantId !== tenantId) return null;
  const revoked: ShareLinkInfo = link.revokedAt === null ? { ...link, revokedAt: now.toISOString() } : link;
  if (revoked !== link) await putJson(blobs, tenantShareLinkKey(tenantId, linkId), revoked);
  const records = await blobs.list(shareTokenRecordsPrefix(linkId));
  if (records.length > 0) await blobs.delete(records);
  return revoked;
}
