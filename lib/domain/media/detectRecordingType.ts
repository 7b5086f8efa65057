import { fileTypeFromBuffer } from 'file-type';

/** Bytes enough for file-type to recognise every container we accept. */
export const MEDIA_SNIFF_BYTES = 4100;

/** The media type of a recording from its first bytes, or null when it is not audio or video. */
export async function detectRecordingType(head: Uint8Array): Promise<{ mime: string; ext: string } | { mime: null; looksLike: string }> {
  const type = await fileTypeFromBuffer(head);
  if (type !== undefined && (type.mime.startsWith('audio/') || type.mime.startsWith('video/') || type.mime === 'application/ogg')) {
    return { mime: type.mime, ext: type.ext };
  }
  return { mime: null, looksLike: type?.mime ?? 'unrecognised bytes' };
}
