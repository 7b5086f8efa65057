import type { Understander, UnderstandingDraft } from '../ports/Understander.js';
import type { Transcript } from '../transcript/schema.js';
import { extractActionItems } from './extractActionItems.js';
import { extractDecisions } from './extractDecisions.js';
import { segmentChapters } from './segmentChapters.js';
import { summarizeExtractive } from './summarizeExtractive.js';
import { proposeSpeakerNames } from './speakerNames/proposeSpeakerNames.js';

/** The offline engine: extractive summary, rule-based action items and decisions, lexical chapters. Also the fallback when a model fails. */
export class ExtractiveUnderstander implements Understander {
  readonly name = 'aftercall-extractive@1';

  async understand(transcript: Transcript, options: { meetingDate: Date }): Promise<UnderstandingDraft> {
    const actionItems = extractActionItems(transcript, { meetingDate: options.meetingDate });
    const decisions = extractDecisions(transcript);
    return {
      summary: summarizeExtractive(transcript, { actionItems, decisions }),
      actionItems,
      decisions,
      chapters: segmentChapters(transcript),
      speakerNames: proposeSpeakerNames(transcript),
    };
  }
}
