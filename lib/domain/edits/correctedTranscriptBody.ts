import type { BlobStore } from '../ports/BlobStore.js';
import { renderSrt, renderVtt } from '../transcript/renderSubtitles.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { applyLineCorrections } from './lineCorrections.js';
import { readMeetingEditsIfValid } from './meetingEdits.js';

/**
 * The stored transcript file (json, vtt or srt) as people corrected it: unchanged when no
 * correction applies, else rendered again from the corrected transcript, so downloads and exports
 * read the corrected words.
 */
export async function correctedTranscriptBody(
  blobs: BlobStore,
  meeting: { meetingId: string; resultPrefix: string },
  format: 'json' | 'vtt' | 'srt',
  storedBody: string,
  storedJson: () => Promise<string | null>,
): Promise<string> {
  const edits = await readMeetingEditsIfValid(blobs, meeting.resultPrefix, meeting.meetingId);
  if (edits.transcriptLines.length === 0) return storedBody;
  const json = format === 'json' ? storedBody : await storedJson();
  if (json === null) return storedBody;
  const { transcript, applied } = applyLineCorrections(TranscriptSchema.parse(JSON.parse(json)), edits.transcriptLines);
  if (applied.length === 0) return storedBody;
  return format === 'json' ? `${JSON.stringify(transcript, null, 2)}\n` : format === 'vtt' ? renderVtt(transcript) : renderSrt(transcript);
}
