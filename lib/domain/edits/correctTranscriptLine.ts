import type { AuditActor } from '../audit/auditEntry.js';
import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import { MeetingNotReadyError } from '../meetings/errors.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { findJson } from '../jsonBlobs.js';
import { describeActor } from './editActionItem.js';
import { LineCorrectionSchema, type LineCorrection } from './editsSchema.js';
import { EditConflictError, EditTargetNotFoundError } from './errors.js';
import { correctionApplies } from './lineCorrections.js';
import { changeMeetingEdits } from './meetingEdits.js';

export interface CorrectLineRequest {
  meeting: { meetingId: string; resultPrefix: string };
  utteranceId: string;
  /** The line's correction version the caller saw: 0 for a line as transcribed. */
  version: number;
  text: string;
  actor: AuditActor;
}

/** The line as it now reads; `correction` null when the transcribed text was written back. */
export interface CorrectedLine {
  utteranceId: string;
  text: string;
  originalText: string;
  correction: LineCorrection | null;
}

/**
 * Corrects the text of one transcript line. Stored in the meeting's edits beside the machine's
 * transcript, which stays as transcribed; readers (the API, exports, the search index) lay the
 * correction over it. Writing the machine's own text back removes the correction.
 */
export async function correctTranscriptLine(
  deps: { blobs: BlobStore; clock: () => Date },
  request: CorrectLineRequest,
): Promise<CorrectedLine> {
  const { meetingId, resultPrefix } = request.meeting;
  return changeMeetingEdits<CorrectedLine>(deps.blobs, resultPrefix, meetingId, async (edits) => {
    const transcript = await findJson(deps.blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema);
    if (transcript === null) throw new MeetingNotReadyError(`meeting ${meetingId} has no transcript yet`);
    const utterance = transcript.utterances.find((u) => u.id === request.utteranceId);
    if (utterance === undefined) throw new EditTargetNotFoundError(`meeting ${meetingId} has no transcript line ${request.utteranceId}`);
    const existing = edits.transcriptLines.find((c) => c.utteranceId === request.utteranceId);
    const inForce = existing !== undefined && correctionApplies(existing, utterance.text) ? existing : undefined;
    const current = inForce?.version ?? 0;
    if (request.version !== current) {
      const by = inForce === undefined ? '' : ` by ${describeActor(inForce.editedBy)} at ${inForce.editedAt}`;
      throw new EditConflictError(`transcript line ${request.utteranceId} was corrected${by} (version ${current}, not ${request.version}): reload it and edit again`);
    }
    const others = edits.transcriptLines.filter((c) => c.utteranceId !== request.utteranceId);
    const text = request.text.trim();
    if (text === utterance.text.trim()) {
      return { edits: { ...edits, transcriptLines: others }, result: { utteranceId: utterance.id, text: utterance.text, originalText: utterance.text, correction: null } };
    }
    const correction = LineCorrectionSchema.parse({
      utteranceId: utterance.id,
      originalText: utterance.text,
      text,
      version: current + 1,
      editedAt: deps.clock().toISOString(),
      editedBy: request.actor,
    });
    return { edits: { ...edits, transcriptLines: [...others, correction] }, result: { utteranceId: utterance.id, text, originalText: utterance.text, correction } };
  });
}
