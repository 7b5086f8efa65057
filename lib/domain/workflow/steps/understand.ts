import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import type { StepInput } from '../../meetings/schema.js';
import { groundDraft } from '../../understanding/groundDraft.js';
import { understandingResults } from '../../understanding/understandingResults.js';
import { UNDERSTANDING_SCHEMA_VERSION } from '../../understanding/schema.js';
import type { SpeakerNameProposals } from '../../understanding/speakerNames/speakerNameSchema.js';
import { putJson } from '../../jsonBlobs.js';
import type { StepDeps } from '../StepDeps.js';
import { trackStep } from '../stepStatus.js';
import { readCorrectedTranscript } from '../../edits/correctedTranscript.js';
import { markDegraded } from '../../usage/usageMeter.js';

export interface UnderstandResult {
  engine: string;
  keys: string[];
  actionItems: number;
  decisions: number;
  chapters: number;
  /** Proposed items dropped because they cited nothing in the transcript. */
  rejected: number;
}

/** Summary, action items, decisions and chapters, each grounded in utterance ids before it is stored. */
export async function understand(deps: StepDeps, { meeting }: StepInput): Promise<UnderstandResult> {
  return trackStep(deps, meeting, 'understand', async () => {
    // With people's line corrections: a rerun understands the words as corrected.
    const transcript = await readCorrectedTranscript(deps.blobs, meeting.resultPrefix);
    const proposed = await deps.understander.understand(transcript, { meetingDate: new Date(meeting.recordedAt) });
    const { draft, rejected } = groundDraft(transcript, proposed);
    const engine = proposed.engine ?? deps.understander.name;
    const { summary, actionItems, decisions, chapters } = understandingResults(meeting.meetingId, engine, draft);
    // An empty summary of a meeting where words were said is a failure to report, not a result.
    if (summary.text.trim().length === 0 && transcript.utterances.some((u) => /\p{L}/u.test(u.text))) {
      markDegraded(`summary is empty: ${engine} found no sentence to summarise in ${transcript.utterances.length} utterances`);
    }

    const keys = [resultFiles.summary, resultFiles.actionItems, resultFiles.decisions, resultFiles.chapters].map((file) => resultKey(meeting.resultPrefix, file));
    const [summaryKey, actionItemsKey, decisionsKey, chaptersKey] = keys as [string, string, string, string];
    await putJson(deps.blobs, summaryKey, summary);
    await putJson(deps.blobs, actionItemsKey, actionItems);
    await putJson(deps.blobs, decisionsKey, decisions);
    await putJson(deps.blobs, chaptersKey, chapters);
    const speakerNamesKey = resultKey(meeting.resultPrefix, resultFiles.speakerNames);
    const proposals: SpeakerNameProposals = {
      schemaVersion: UNDERSTANDING_SCHEMA_VERSION,
      meetingId: meeting.meetingId,
      engine,
      proposals: (draft.speakerNames ?? []).map((proposal) => ({ ...proposal, confirmedAt: null })),
    };
    await putJson(deps.blobs, speakerNamesKey, proposals);
    keys.push(speakerNamesKey);
    return { engine, keys, actionItems: actionItems.items.length, decisions: decisions.decisions.length, chapters: chapters.chapters.length, rejected };
  });
}
