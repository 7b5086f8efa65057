import { z } from 'zod';
import { MeetingContextSchema, TenantId } from '../meetings/schema.js';

/** A finished recording, whatever announced it: the one input of the workflow's start. */
export const RecordingEventSchema = z.object({
  tenantId: TenantId,
  recordingKey: z
    .string()
    .min(1)
    .max(1024)
    .refine((key) => !key.startsWith('/') && !key.split('/').includes('..'), 'a recording key must be relative, without ".." segments')
    .refine((key) => isRecordingKey(key) || isTracksFolder(key), 'a recording key names an audio or video file, or a folder of participant tracks ending in "/tracks/"'),
  recordedAt: z.iso.datetime({ offset: true }),
  trigger: MeetingContextSchema.shape.trigger,
  room: MeetingContextSchema.shape.room,
});
export type RecordingEvent = z.infer<typeof RecordingEventSchema>;

/** Lowercase extensions of the media files a recording may be. */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set(['ogg', 'oga', 'opus', 'mp3', 'wav', 'flac', 'm4a', 'aac', 'mp4', 'm4v', 'webm', 'mkv', 'mov']);

/** Whether a key names a media file (of any kind, a participant's track included). */
export function isMediaKey(key: string): boolean {
  if (key.startsWith('_aftercall/') || /\.aftercall\//.test(key)) return false;
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return MEDIA_EXTENSIONS.has(ext);
}

/** Whether a key may be a transcript beside a recording (not a result, not a control record). */
export function isSidecarTranscriptKey(key: string): boolean {
  if (key.startsWith('_aftercall/') || /\.aftercall\//.test(key)) return false;
  return /\.(vtt|srt|json)$/.test(key);
}

/**
 * Whether a key names a recording that is a meeting by itself. A participant's track (under a
 * `tracks/` folder) is not: the meeting is the folder, started when the room finishes.
 */
export function isRecordingKey(key: string): boolean {
  return isMediaKey(key) && !isTrackKey(key);
}

const TRACKS_FOLDER = /\/tracks\/$/;
export const isTracksFolder = (key: string): boolean => TRACKS_FOLDER.test(key);
export const isTrackKey = (key: string): boolean => /\/tracks\/[^/]+$/.test(key);

/**
 * Where LiveKit track egress writes a room session's tracks, one file per participant track
 * (egress filepath `rooms/{room_name}/{room_id}/tracks/{publisher_identity}-{track_id}`).
 */
export const tracksFolderOf = (roomName: string, roomSid: string): string => `rooms/${roomName}/${roomSid}/tracks/`;

/** The participant a track belongs to, from its file name `<identity>-<track id>.<ext>`. */
export function participantOfTrack(key: string): string {
  const file = key.slice(key.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return file.replace(/-TR_[A-Za-z0-9]+$/, '');
}
