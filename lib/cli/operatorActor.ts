import { userInfo } from 'node:os';
import type { Config } from '../config/config.js';
import type { AuditActor } from '../domain/audit/auditEntry.js';

/**
 * The CLI acts with the store's own credentials, so the audit log names the person by the OS
 * account running it (AFTERCALL_OPERATOR overrides, e.g. in a shared admin shell).
 */
export function operatorActor(config: Pick<Config, 'AFTERCALL_OPERATOR' | 'USER'>): AuditActor {
  if (config.AFTERCALL_OPERATOR !== undefined) return { type: 'operator', name: config.AFTERCALL_OPERATOR };
  try {
    return { type: 'operator', name: userInfo().username };
  } catch {
    // A container user with no passwd entry.
    return { type: 'operator', name: config.USER ?? `uid ${process.getuid?.() ?? 'unknown'}` };
  }
}
