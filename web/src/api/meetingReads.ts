import type { SavedLiveCaptions, ShownMeeting, SignedUrl, Transcript, Translation } from '../types.js';
import { answer, api } from './client.js';

/**
 * What a meeting page reads, from one of two documented sets of routes: the API's with the
 * signed-in key (/meetings/{id}/…), or a share link's (/shared/…, the token standing for the key).
 * The page does not know which; the typed client checks each path against the document.
 */
export interface MeetingReads {
  detail(): Promise<ShownMeeting>;
  transcript(): Promise<Transcript>;
  translation(language: string): Promise<Translation>;
  /** The recording's short-lived signed URL, for the player's <audio src>. */
  audioUrl(): Promise<SignedUrl>;
  liveCaptions(): Promise<SavedLiveCaptions>;
  /** Files to save, read as bytes (the export is Markdown or PDF, the subtitles WebVTT or SRT). */
  subtitles(format: 'vtt' | 'srt', language: string | null): Promise<Blob>;
  notes(format: 'md' | 'pdf', withTranscript: boolean): Promise<Blob>;
}

const exportQuery = (format: 'md' | 'pdf', withTranscript: boolean) => ({ format, transcript: withTranscript ? ('true' as const) : ('false' as const) });
const subtitlesQuery = (format: 'vtt' | 'srt', language: string | null) => ({ format, ...(language === null ? {} : { lang: language }) });

export function keyReads(meetingId: string): MeetingReads {
  const path = { id: meetingId };
  return {
    detail: () => answer(api().GET('/meetings/{id}', { params: { path } })),
    transcript: async () => transcriptOnly(await answer(api().GET('/meetings/{id}/transcript', { params: { path, query: { format: 'json' } } }))),
    translation: async (lang) => translationOnly(await answer(api().GET('/meetings/{id}/transcript', { params: { path, query: { format: 'json', lang } } }))),
    audioUrl: () => answer(api().GET('/meetings/{id}/audio-url', { params: { path } })),
    liveCaptions: () => answer(api().GET('/meetings/{id}/live-captions', { params: { path } })),
    subtitles: (format, language) => answer(api().GET('/meetings/{id}/transcript', { params: { path, query: subtitlesQuery(format, language) }, parseAs: 'blob' })),
    notes: (format, withTranscript) => answer(api().GET('/meetings/{id}/export', { params: { path, query: exportQuery(format, withTranscript) }, parseAs: 'blob' })),
  };
}

export function sharedReads(): MeetingReads {
  return {
    detail: () => answer(api().GET('/shared/meeting')),
    transcript: async () => transcriptOnly(await answer(api().GET('/shared/transcript', { params: { query: { format: 'json' } } }))),
    translation: async (lang) => translationOnly(await answer(api().GET('/shared/transcript', { params: { query: { format: 'json', lang } } }))),
    audioUrl: () => answer(api().GET('/shared/audio-url')),
    liveCaptions: () => answer(api().GET('/shared/live-captions')),
    subtitles: (format, language) => answer(api().GET('/shared/transcript', { params: { query: subtitlesQuery(format, language) }, parseAs: 'blob' })),
    notes: (format, withTranscript) => answer(api().GET('/shared/export', { params: { query: exportQuery(format, withTranscript) }, parseAs: 'blob' })),
  };
}

// The transcript route answers the transcript, or with ?lang= a translation (the document says
// "one of"): the page knows which it asked for, and checks it got that.
function transcriptOnly(json: Transcript | Translation): Transcript {
  if ('speakers' in json) return json;
  throw new Error('The API answered a translation where the transcript was asked for.');
}

function translationOnly(json: Transcript | Translation): Translation {
  if (!('speakers' in json)) return json;
  throw new Error('The API answered the transcript where a translation was asked for.');
}
