import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { UnauthorizedWebhookError } from '../intake/errors.js';

export const CallbackParamsSchema = z.object({
  tenant: z.string().min(1).max(63),
  meeting: z.string().regex(/^mtg_[0-9a-f]{24}$/),
  run: z.string().min(1).max(80),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CallbackParams = z.infer<typeof CallbackParamsSchema>;

const sign = (secret: string, params: Omit<CallbackParams, 'sig'>): string =>
  createHmac('sha256', secret).update(`${params.tenant}\n${params.meeting}\n${params.run}`).digest('hex');

/** The URL a provider posts its result to: it names the run and is signed, so nobody else can complete it. */
export function callbackUrl(baseUrl: string, secret: string, params: Omit<CallbackParams, 'sig'>): string {
  const url = new URL('callbacks/deepgram', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('tenant', params.tenant);
  url.searchParams.set('meeting', params.meeting);
  url.searchParams.set('run', params.run);
  url.searchParams.set('sig', sign(secret, params));
  return url.toString();
}

export function isValidCallbackSignature(secret: string, params: CallbackParams): boolean {
  const expected = Buffer.from(sign(secret, params), 'hex');
  const given = Buffer.from(params.sig, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The callback URL's parameters when this deployment signed them; otherwise an
 * UnauthorizedWebhookError. Needs only the query, so it runs before the body is read.
 */
export function checkCallbackUrl(callbacks: { secret: string } | null, query: Record<string, string>): CallbackParams {
  if (callbacks === null) throw new UnauthorizedWebhookError('transcription callbacks are not configured on this deployment');
  const parsed = CallbackParamsSchema.safeParse(query);
  if (!parsed.success || !isValidCallbackSignature(callbacks.secret, parsed.data)) {
    throw new UnauthorizedWebhookError('callback URL is not one this deployment signed');
  }
  return parsed.data;
}
