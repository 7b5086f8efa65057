import type { Transcript } from '../transcript/schema.js';
import type { ActionItem, Chapter, Decision, SummarySections, SummarySentence } from '../understanding/schema.js';
import type { SpeakerNameDraft } from '../understanding/speakerNames/speakerNameSchema.js';

/** What an understanding engine proposes; the understand step grounds it before anything is stored. */
export interface UnderstandingDraft {
  summary: { text: string; sentences: SummarySentence[]; sections?: SummarySections };
  actionItems: Omit<ActionItem, 'id'>[];
  /** What the meeting settled, each citing where. */
  decisions: Omit<Decision, 'id'>[];
  chapters: Omit<Chapter, 'id'>[];
  /** Names proposed for the diarised speakers, with evidence; shown for confirmation, never applied by the engine. */
  speakerNames?: SpeakerNameDraft[];
  /** Set when the engine that produced the draft is not the understander's own (a fallback). */
  engine?: string;
}

/** Summary, action items, decisions and chapters from a transcript: a language model, or the offline extractive engine. */
export interface Understander {
  /** Names engine and model, recorded in every result and the manifest. */
  readonly name: string;
  understand(transcript: Transcript, options: { meetingDate: Date }): Promise<UnderstandingDraft>;
}
