import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../domain/audit/AuditLog.js';
import {
  AUDIT_SCHEMA_VERSION,
  AuditEntrySchema,
  AuditRecordInputSchema,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type AuditRecordInput,
} from '../../domain/audit/auditEntry.js';
import { auditEntryId, auditEntryKey, auditTenantPrefix, parseAuditId, parseAuditKey } from '../../domain/audit/auditKeys.js';
import { BadRequestError, InternalError } from '../../domain/errors.js';
import type { BlobStore, CreateOnlyStore } from '../../domain/ports/BlobStore.js';
import { findJsonIfValid } from '../../domain/jsonBlobs.js';

export class InvalidAuditCursorError extends BadRequestError {
  override readonly name = 'InvalidAuditCursorError';
}
export class AuditWriteError extends InternalError {
  override readonly name = 'AuditWriteError';
}

// A fresh random name is tried when one is taken: 64 random bits make a second collision unheard of.
const CREATE_ATTEMPTS = 3;

/**
 * The audit log in the blob store: one object per entry under `_aftercall/audit/<tenant>/`, created
 * with a conditional PUT so an entry is never replaced, and named so that listing the folder gives
 * the entries in time order with their action (see auditKeys). Nothing here deletes.
 */
export class BlobAuditLog implements AuditLog {
  constructor(
    private readonly store: BlobStore & CreateOnlyStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(input: AuditRecordInput): Promise<AuditEntry> {
    const parsed = AuditRecordInputSchema.parse(input);
    const at = parsed.at ?? this.clock();
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt += 1) {
      const id = auditEntryId(at, parsed.action, randomBytes(8).toString('hex'));
      const entry: AuditEntry = {
        schemaVersion: AUDIT_SCHEMA_VERSION,
        id,
        tenantId: parsed.tenantId,
        at: at.toISOString(),
        actor: parsed.actor,
        action: parsed.action,
        target: parsed.target,
        details: parsed.details,
      };
      if (await this.store.create(auditEntryKey(parsed.tenantId, id), `${JSON.stringify(entry)}\n`, 'application/json')) return entry;
    }
    throw new AuditWriteError(`could not find a free name for an audit entry of tenant ${parsed.tenantId}`);
  }

  async read(tenantId: string, query: AuditQuery): Promise<AuditPage> {
    const after = query.cursor === undefined ? null : parseAuditId(query.cursor);
    if (query.cursor !== undefined && after === null) throw new InvalidAuditCursorError('invalid cursor: pass the nextCursor of the page before');
    const listed = (await this.store.list(auditTenantPrefix(tenantId)))
      .map((key) => parseAuditKey(tenantId, key))
      .filter((parsed) => parsed !== null)
      .filter(
        (parsed) =>
          (query.from === undefined || parsed.at >= query.from) &&
          (query.to === undefined || parsed.at <= query.to) &&
          (query.action === undefined || parsed.action === query.action) &&
          (after === null || parsed.id < after.id),
      )
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const page = listed.slice(0, query.limit);
    const read = await Promise.all(page.map(async ({ id }) => ({ id, entry: await findJsonIfValid(this.store, auditEntryKey(tenantId, id), AuditEntrySchema) })));
    // An entry is believed only under its own name and tenant: a body copied from elsewhere proves nothing.
    const believed = (id: string, entry: AuditEntry | null): entry is AuditEntry => entry !== null && entry.id === id && entry.tenantId === tenantId;
    return {
      entries: read.flatMap(({ id, entry }) => (believed(id, entry) ? [entry] : [])),
      nextCursor: listed.length > page.length ? (page.at(-1)?.id ?? null) : null,
      unreadable: read.filter(({ id, entry }) => !believed(id, entry)).map(({ id }) => id),
    };
  }
}
