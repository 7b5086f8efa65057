import { z } from 'zod';
import { MeetingContextSchema, TenantId } from '../meeting/schema.js';

/** A finished recording, whatever announced it: the one input of the workflow's start. */
export const RecordingEventSchema = z.object({
  tenantId: TenantId,
  recordingKey: z
    .string()
    .min(1)
    .max(1024)
    .refine((key) => !key.startsWith('/') && !key.split('/').includes('..'), 'a recording key must be relative, without ".." segments'),
  recordedAt: z.iso.datetime({ offset: true }),
  trigger: MeetingContextSchema.shape.trigger,
});
export type RecordingEvent = z.infer<typeof RecordingEventSchema>;

const MEDIA_EXTENSIONS = new Set(['ogg', 'oga', 'opus', 'mp3', 'wav', 'flac', 'm4a', 'aac', 'mp4', 'm4v', 'webm', 'mkv', 'mov']);

/** Whether a key names a recording (and not a transcript or a result written beside one). */
export function isRecordingKey(key: string): boolean {
  if (key.startsWith('_aftercall/') || /\.aftercall\//.test(key)) return false;
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return MEDIA_EXTENSIONS.has(ext);
}

/** Recordings under tenants/<id>/ belong to that tenant; anything else to the default tenant. */
export function tenantOfKey(key: string, defaultTenant: string): string {
  const match = /^tenants\/([a-z0-9][a-z0-9-]{0,62})\//.exec(key);
  return match?.[1] ?? defaultTenant;
}
