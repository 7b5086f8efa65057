import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema, type Transcript } from '../transcript/schema.js';
import { getJson } from '../jsonBlobs.js';
import { applyLineCorrections } from './lineCorrections.js';
import { readMeetingEditsIfValid } from './meetingEdits.js';

/** The stored transcript with people's line corrections in place: what Understand reads, so a rerun understands the corrected words. */
export async function readCorrectedTranscript(blobs: BlobStore, resultPrefix: string): Promise<Transcript> {
  const transcript = await getJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema);
  const edits = await readMeetingEditsIfValid(blobs, resultPrefix, transcript.meetingId);
  return applyLineCorrections(transcript, edits.transcriptLines).transcript;
}
