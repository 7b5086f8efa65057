import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed audio URLs: an `<audio src>` cannot send an Authorization header, and fetching a
 * one-hour recording into a blob before it plays defeats streaming. So an authenticated caller
 * gets a short-lived URL naming the tenant, the meeting and an expiry, with an HMAC-SHA256 of
 * the three under a server secret. The URL holds no key: a leaked URL plays one recording for
 * at most AUDIO_URL_TTL_MS, and changing anything in it breaks the signature.
 */

export const AUDIO_URL_TTL_MS = 15 * 60_000;

/** What a signed audio URL carries besides the meeting id in its path. */
export const SignedAudioParamsSchema = z.object({
  tenant: z.string().min(1).max(63),
  expires: z.string().regex(/^\d{1,13}$/, 'expires must be a time in seconds since 1970'),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'sig must be a base64url HMAC-SHA256'),
});
export type SignedAudioParams = z.infer<typeof SignedAudioParamsSchema>;

export type AudioSignatureCheck = 'valid' | 'expired' | 'invalid';

// The "audio" label keeps these signatures from ever standing for another kind of signed message.
const signature = (secret: string, tenantId: string, meetingId: string, expires: string): Buffer =>
  createHmac('sha256', secret).update(`audio\n${tenantId}\n${meetingId}\n${expires}`).digest();

/** The query of a URL that plays this meeting's recording until `now` + the TTL (whole seconds). */
export function signAudioParams(secret: string, tenantId: string, meetingId: string, now: Date): SignedAudioParams & { expiresAt: Date } {
  const expiresAt = new Date(Math.floor((now.getTime() + AUDIO_URL_TTL_MS) / 1000) * 1000);
  const expires = String(expiresAt.getTime() / 1000);
  return { tenant: tenantId, expires, sig: signature(secret, tenantId, meetingId, expires).toString('base64url'), expiresAt };
}

/**
 * Whether the signature stands for this meeting of this tenant and has not expired. The
 * signature is compared in constant time, and checked before the expiry, so an attacker learns
 * nothing from which answer comes back except that a forged URL is invalid.
 */
export function checkAudioSignature(secret: string, meetingId: string, params: SignedAudioParams, now: Date): AudioSignatureCheck {
  const expected = signature(secret, params.tenant, meetingId, params.expires);
  const given = Buffer.from(params.sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(params.expires) * 1000 > now.getTime() ? 'valid' : 'expired';
}
