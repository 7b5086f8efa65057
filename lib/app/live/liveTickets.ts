import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a ticket lets its holder do: stream one participant's audio into a room, or listen to a room. */
export const TicketClaimsSchema = z.object({
  purpose: z.enum(['ingest', 'subscribe']),
  tenantId: z.string(),
  room: z.string(),
  /** For ingest: the identity captions are shown under. */
  participant: z.string().nullable(),
  /** Expiry, Unix ms. */
  exp: z.number().int(),
});
export type TicketClaims = z.infer<typeof TicketClaimsSchema>;

/** Long enough to open the socket after asking for it; a stolen ticket is useless soon after. */
export const TICKET_TTL_MS = 60_000;

/**
 * Short-lived signed tickets for browsers, which cannot set an Authorization header on a
 * WebSocket or an EventSource: an authenticated POST mints one, and the socket URL carries the
 * ticket — never the API key. HMAC-SHA256 over the claims with a secret only this relay holds
 * (random per process unless given: several relay tasks behind one load balancer share one).
 */
export class LiveTickets {
  private readonly secret: Buffer;

  constructor(
    secret?: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.secret = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  mint(claims: Omit<TicketClaims, 'exp'>): { ticket: string; expiresAt: Date } {
    const exp = this.clock() + TICKET_TTL_MS;
    const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
    return { ticket: `${payload}.${this.sign(payload)}`, expiresAt: new Date(exp) };
  }

  /** The claims of a valid, unexpired ticket; null otherwise (the reason is not told to the caller). */
  verify(ticket: string): TicketClaims | null {
    const [payload, signature, ...rest] = ticket.split('.');
    if (payload === undefined || signature === undefined || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(payload));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = TicketClaimsSchema.safeParse(json);
    if (!claims.success || claims.data.exp < this.clock()) return null;
    return claims.data;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
