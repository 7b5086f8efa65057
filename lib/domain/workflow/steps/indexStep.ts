import type { StepInput } from '../../meetings/schema.js';
import { indexStoredMeeting } from '../indexStoredMeeting.js';
import type { StepDeps } from '../StepDeps.js';
import { trackStep } from '../stepStatus.js';

export interface IndexResult {
  documents: number;
  embedder: string;
}

/** Embeds the meeting's transcript windows and results and replaces its vectors in the tenant's index. */
export async function indexStep(deps: StepDeps, { meeting }: StepInput): Promise<IndexResult> {
  return trackStep(deps, meeting, 'index', async () => {
    const { documents } = await indexStoredMeeting(
      { blobs: deps.blobs, embedder: deps.embedder, index: deps.vectorIndex },
      meeting.tenantId,
      meeting.resultPrefix,
    );
    return { documents, embedder: deps.embedder.model };
  });
}
