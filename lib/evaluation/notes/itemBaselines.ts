import type { Transcript } from '../../domain/transcript/schema.js';
import { splitSentences } from '../../domain/understanding/text/splitSentences.js';
import type { PredictedItem } from './labelledItems.js';

const WILL_OR_SHOULD = /\b(?:will|should)\b|'ll\b/i;
const DECIDING = /\b(?:decid\w*|agree\w*|go with|settled)\b/i;

function sentencesMatching(transcript: Transcript, pattern: RegExp, withOwner: boolean): PredictedItem[] {
  const names = new Map(transcript.speakers.map((s) => [s.id, s.name]));
  return transcript.utterances.flatMap((utterance) =>
    splitSentences(utterance.text)
      .filter((sentence) => pattern.test(sentence))
      .map((text) => ({ text, startMs: utterance.startMs, ...(withOwner ? { owner: names.get(utterance.speakerId) ?? null } : {}) })),
  );
}

/** The trivial action-item baseline: every sentence with "will", "'ll" or "should", owned by its speaker. */
export const willOrShouldBaseline = (transcript: Transcript): PredictedItem[] => sentencesMatching(transcript, WILL_OR_SHOULD, true);

/** The trivial decision baseline: every sentence that says "decide", "agree", "go with" or "settled". */
export const decidingWordsBaseline = (transcript: Transcript): PredictedItem[] => sentencesMatching(transcript, DECIDING, false);
