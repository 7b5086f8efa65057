import type { MiddlewareHandler } from 'hono';
import { checkAudioSignature, SignedAudioParamsSchema } from '../../domain/auth/audioUrlSignature.js';
import type { ControlPlane } from '../ControlPlane.js';
import { recordingResponse } from './audioResponse.js';
import { HttpError } from './errorResponse.js';
import type { MeetingLookup } from './meetingLookup.js';

/**
 * `GET /meetings/:id/audio` with a signed URL (from /audio-url) instead of a key: an <audio src>
 * cannot send a key, so the signature stands for one. Mounted before the key check; a request
 * without signature parameters goes on to the key check and the keyed route.
 */
export function signedAudioLink(plane: ControlPlane, signingSecret: () => Promise<string>, lookup: MeetingLookup): MiddlewareHandler {
  return async (c, next) => {
    const query = c.req.query();
    // A signature only ever stands for reading: any other method goes through the key check.
    if (c.req.method !== 'GET' || (query.sig === undefined && query.expires === undefined && query.tenant === undefined)) return next();
    const params = SignedAudioParamsSchema.safeParse(query);
    if (!params.success) throw new HttpError(403, 'invalid audio link: it needs tenant, expires and sig as issued by /api/meetings/{id}/audio-url');
    const meetingId = c.req.param('id') ?? '';
    const check = checkAudioSignature(await signingSecret(), meetingId, params.data, plane.clock());
    if (check === 'invalid') throw new HttpError(403, 'invalid audio link: its signature does not match this meeting');
    if (check === 'expired') throw new HttpError(403, 'expired audio link: ask /api/meetings/{id}/audio-url for a new one');
    return recordingResponse(c, plane.blobs, await lookup.entryOr404(params.data.tenant, meetingId));
  };
}
