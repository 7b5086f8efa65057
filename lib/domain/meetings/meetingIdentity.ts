import { z } from 'zod';
import { recordingTitle } from './resultKeys.js';
import { recordedTitle, titleFromChapters } from './chapterTitle.js';
import type { Transcript } from '../transcript/schema.js';
import type { Chapters, Summary } from '../understanding/schema.js';

/** Where a meeting's title came from, best first: what the list and the page say it is called. */
export const TITLE_SOURCES = ['metadata', 'room', 'chapter', 'recorded', 'file'] as const;

export const TalkTimeSchema = z.object({ speaker: z.string(), ms: z.number().int().nonnegative(), share: z.number().min(0).max(1) });

/** What a meeting is, for people: kept in its catalog entry so a page of the list reads nothing else. */
export const MeetingIdentitySchema = z.object({
  title: z.string(),
  titleSource: z.enum(TITLE_SOURCES),
  /** The LiveKit room (or the recording's `room` metadata), when known. */
  room: z.string().nullable(),
  /** The recording's length, from its transcript; null before one exists. */
  durationMs: z.number().int().nonnegative().nullable(),
  /** Speakers who said something, most talk first. */
  participants: z.array(z.string()),
  /** Each speaker's share of the speech (overlaps counted for each speaker), most first. */
  talkTime: z.array(TalkTimeSchema),
  /** The summary's first sentences, cut at a sentence or word boundary. */
  summaryPreview: z.string().nullable(),
});
export type MeetingIdentity = z.infer<typeof MeetingIdentitySchema>;

export interface IdentitySources {
  recordingKey: string;
  /** The recording object's user metadata (S3 `x-amz-meta-*`, names lower-case). */
  metadata?: Readonly<Record<string, string>> | null;
  /** The LiveKit room the recording came from, as its webhook named it. */
  room?: string | null;
  transcript?: Pick<Transcript, 'durationMs' | 'speakers' | 'utterances'> | null;
  chapters?: Pick<Chapters, 'chapters'> | null;
  summary?: Pick<Summary, 'text'> | null;
  /** When the recording was made: given once the run is done, it names a meeting nothing else names (instead of its file). */
  recordedAt?: string | null;
}

const PREVIEW_CHARS = 220;
const MAX_TITLE_CHARS = 120;
// LiveKit track egress files a room's session under rooms/<room>/<room sid>/tracks/.
const TRACKS_KEY = /^(?:tenants\/[^/]+\/)?rooms\/([^/]+)\/[^/]+\/tracks\/$/;

/**
 * The meeting's title and the facts a list row shows. The title is the recording's `title`
 * metadata, else its room (the webhook's, the `room` metadata, or the track egress folder),
 * else the first informative chapter title (not "Okay, right, um" nor "Project"), else when it
 * was recorded ("Meeting on 29 Nov 2026, 14:05 UTC"), and only then the file name.
 */
export function meetingIdentity(sources: IdentitySources): MeetingIdentity {
  const metadata = sources.metadata ?? {};
  const room = clean(sources.room) ?? clean(metadata.room) ?? clean(TRACKS_KEY.exec(sources.recordingKey)?.[1]);
  const chapter = titleFromChapters(sources.chapters?.chapters ?? []);
  const recorded = sources.recordedAt ? recordedTitle(sources.recordedAt) : null;
  const explicit = clean(metadata.title);
  const [title, titleSource]: [string, MeetingIdentity['titleSource']] =
    explicit !== null
      ? [explicit, 'metadata']
      : room !== null
        ? [roomTitle(room), 'room']
        : chapter !== null
          ? [sentenceCase(chapter), 'chapter']
          : recorded !== null
            ? [recorded, 'recorded']
            : [recordingTitle(sources.recordingKey), 'file'];
  const talkTime = talkTimeOf(sources.transcript ?? null);
  return {
    title: title.slice(0, MAX_TITLE_CHARS),
    titleSource,
    room,
    durationMs: sources.transcript?.durationMs ?? null,
    participants: talkTime.map((entry) => entry.speaker),
    talkTime,
    summaryPreview: previewOf(sources.summary?.text ?? ''),
  };
}

function talkTimeOf(transcript: IdentitySources['transcript']): MeetingIdentity['talkTime'] {
  if (transcript === null || transcript === undefined) return [];
  const names = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const byName = new Map<string, number>();
  for (const utterance of transcript.utterances) {
    const name = names.get(utterance.speakerId) ?? utterance.speakerId;
    byName.set(name, (byName.get(name) ?? 0) + Math.max(0, utterance.endMs - utterance.startMs));
  }
  const total = [...byName.values()].reduce((sum, ms) => sum + ms, 0);
  return [...byName]
    .map(([speaker, ms]) => ({ speaker, ms, share: total === 0 ? 0 : ms / total }))
    .sort((a, b) => b.ms - a.ms || a.speaker.localeCompare(b.speaker));
}

/** The first sentences that fit, else the first words with an ellipsis. */
export function previewOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  if (flat.length <= PREVIEW_CHARS) return flat;
  const sentences = flat.match(/[^.!?]+[.!?]+["')\]]*\s*/g) ?? [];
  let preview = '';
  for (const sentence of sentences) {
    if ((preview + sentence).trim().length > PREVIEW_CHARS) break;
    preview += sentence;
  }
  if (preview.trim() !== '') return preview.trim();
  const cut = flat.slice(0, PREVIEW_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_CHARS / 2)).trimEnd()}…`;
}

const clean = (value: string | null | undefined): string | null => {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
};

/** "weekly-sync" → "Weekly sync": room names are identifiers; a name with spaces or capitals is kept as given. */
export function roomTitle(room: string): string {
  if (/[\sA-Z]/.test(room)) return room;
  return sentenceCase(room.replace(/[-_.]+/g, ' ').trim() || room);
}

const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
