import type { GeneratedBy } from '../labels/generatedBy.js';
/** One line of a retrieved passage: a speaker turn (or the part of a long one the hit covers). */
export interface PassageLine {
  utteranceId: string;
  speaker: string;
  startMs: number;
  text: string;
}

/**
 * A stretch of one meeting that retrieval found for a question, what an answer may rest on.
 * `id` is short and local to one ask ("1", "2", …): the model cites it, and a citation of any
 * other id is not grounded.
 */
export interface Passage {
  id: string;
  meetingId: string;
  startMs: number;
  endMs: number;
  /** The search's own score: higher is closer, comparable only within one ask. */
  score: number;
  lines: PassageLine[];
}

/** Where a sentence of an answer comes from: a passage, the turns within it, and the moment to play. */
export interface Citation {
  passageId: string;
  meetingId: string;
  utteranceIds: string[];
  startMs: number;
  /** Opens the meeting's player at that moment (the web UI's `?t=` is in milliseconds). */
  link: string;
}

export interface AnswerSentence {
  /** Extractive answers mark the question's words in «…», as search snippets do. */
  text: string;
  citations: Citation[];
}

export type AnsweredBy = 'extractive' | 'model';

/** The whole answer to one question, as the JSON mode returns it and the stream's last event carries it. */
export interface AskAnswer {
  question: string;
  /** False when nothing retrieved answers the question: `text` then says so and `sentences` is empty. */
  answered: boolean;
  answeredBy: AnsweredBy;
  text: string;
  sentences: AnswerSentence[];
  passages: Passage[];
  /** Sentences the answerer wrote whose citations named no retrieved passage: dropped, never shown. */
  droppedSentences: number;
  /** What the reader should know about how the answer was made (extractive, fallen back, cut off). */
  notice: string | null;
  /** Who wrote it: every answer is labelled AI-generated (EU AI Act Art. 50). */
  generatedBy: GeneratedBy;
  label: string;
}

export const NO_ANSWER_TEXT = 'No passage in the archive answers this.';
