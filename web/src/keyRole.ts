import { isSharedView, loadSettings } from './api.js';
import { answer, api } from './api/client.js';
import type { KeyRole } from './types.js';

export type { KeyRole } from './types.js';

let known: { apiKey: string; role: Promise<KeyRole | null> } | null = null;

/**
 * The signed-in key's role (GET /api/me), asked once per key: pages show admin controls only to
 * admins, instead of asking an admin route for everyone and logging a 403 for members. Null for
 * a share link's visitor, or when the server cannot say (then no admin control is shown).
 */
export function keyRole(): Promise<KeyRole | null> {
  const settings = loadSettings();
  if (settings === null || isSharedView()) return Promise.resolve(null);
  if (known?.apiKey !== settings.apiKey) {
    const role = answer(api().GET('/me')).then(
      (me) => me.role,
      () => null,
    );
    known = { apiKey: settings.apiKey, role };
  }
  return known.role;
}
