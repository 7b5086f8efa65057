import type { AuditActor, AuditEntry } from '../domain/audit/auditEntry.js';

const actorText = (actor: AuditActor): string => {
  switch (actor.type) {
    case 'apiKey':
      return `key ${actor.keyId} (${actor.role})`;
    case 'operator':
      return `operator ${actor.name}`;
    case 'shareLink':
      return `share link ${actor.linkId}`;
    case 'system':
      return `system ${actor.name}`;
  }
};

/** One line per entry: when, what, who, on what, and the details as JSON. */
export function describeAuditEntry(entry: AuditEntry): string {
  const details = Object.keys(entry.details).length === 0 ? '' : `  ${JSON.stringify(entry.details)}`;
  return `${entry.at}  ${entry.action.padEnd(22)}  ${actorText(entry.actor).padEnd(28)}  ${entry.target.type} ${entry.target.id}${details}`;
}
