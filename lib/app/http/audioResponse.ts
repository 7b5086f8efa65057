import type { Context } from 'hono';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import { HttpError } from './errorResponse.js';

const AUDIO_TYPES: Record<string, string> = {
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
};

export const contentTypeOf = (key: string): string => AUDIO_TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/**
 * The most bytes an open-ended range (`bytes=N-`, what a player asks first) is answered with: the
 * player asks again from where the answer ends, so a long recording streams in pieces, and each
 * answer stays under a Lambda response's 6 MB limit (base64 adds a third) on AWS.
 */
export const MAX_OPEN_RANGE_BYTES = 4_000_000;

/**
 * The byte range a `Range` header asks for (one range only: all a media player sends), inclusive,
 * or null for the whole object. Unsatisfiable ranges are a 416 carrying the size, as RFC 9110 asks.
 */
export function requestedRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) throw new HttpError(416, 'Range must be one range: bytes=start-end, bytes=start- or bytes=-suffix');
  const [, first = '', last = ''] = match;
  let start: number;
  let end: number;
  if (first === '') {
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    // RFC 9110 lets a server send less than an open-ended range asks for; Content-Range says how much.
    end = last === '' ? Math.min(size - 1, start + MAX_OPEN_RANGE_BYTES - 1) : Math.min(Number(last), size - 1);
  }
  if (size === 0 || start > end || start >= size) throw new HttpError(416, `range not satisfiable: the recording is ${size} bytes`);
  return { start, end };
}

/** The key of the meeting's one recording to play; a meeting of separate participant tracks has none. */
export function playableRecordingKey(meeting: { meetingId: string; recordingKey: string }): string {
  if (meeting.recordingKey.endsWith('/')) {
    throw new HttpError(404, `meeting ${meeting.meetingId} was recorded as separate participant tracks: there is no single recording to play`);
  }
  return meeting.recordingKey;
}

/**
 * The meeting's recording, whole (200) or the bytes a `Range` asks for (206): a player streams it
 * a range at a time. Shared by the key-authenticated route and the signed-URL one.
 */
export async function recordingResponse(c: Context, blobs: BlobStore, meeting: { meetingId: string; recordingKey: string }): Promise<Response> {
  const key = playableRecordingKey(meeting);
  const gone = () => new HttpError(404, `the recording of meeting ${meeting.meetingId} is no longer in the bucket`);
  const head = await blobs.head(key);
  if (head === null) throw gone();
  const range = requestedRange(c.req.header('Range'), head.size);
  const bytes = await blobs.getBytes(key, ...(range === null ? [] : [range]));
  if (bytes === null) throw gone();
  const headers: Record<string, string> = { 'Content-Type': contentTypeOf(key), 'Accept-Ranges': 'bytes' };
  if (range === null) return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${head.size}` });
}
