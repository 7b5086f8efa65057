import { userInfo } from 'node:os';
import type { AuditActor } from '../domain/audit/auditEntry.js';

/**
 * The CLI acts with the store's own credentials, so the audit log names the person by the OS
 * account running it (AFTERCALL_OPERATOR overrides, e.g. in a shared admin shell).
 */
export function operatorActor(env: Record<string, string | undefined> = process.env): AuditActor {
  const named = env.AFTERCALL_OPERATOR?.trim();
  if (named !== undefined && named !== '') return { type: 'operator', name: named.slice(0, 200) };
  try {
    return { type: 'operator', name: userInfo().username };
  } catch {
    // A container user with no passwd entry.
    return { type: 'operator', name: env.USER ?? `uid ${process.getuid?.() ?? 'unknown'}` };
  }
}
