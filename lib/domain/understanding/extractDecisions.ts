import type { Transcript } from '../transcript/schema.js';
import { decisionScore } from './decisions/decisionCues.js';
import type { Decision } from './schema.js';
import { trimDiscourseMarkers } from './text/trimDiscourseMarkers.js';
import { transcriptSentences } from './transcriptSentences.js';

// Sentences this close (in turns) settle the same thing: people restate and agree around a decision.
const SAME_DECISION_TURNS = 4;
const MAX_DECISION_WORDS = 30;

type Draft = Omit<Decision, 'id'>;

const shorten = (text: string): string => {
  const words = text.split(/\s+/);
  return words.length <= MAX_DECISION_WORDS ? text : `${words.slice(0, MAX_DECISION_WORDS).join(' ')}…`;
};

/**
 * What the meeting settled: sentences that say something is decided or agreed, that choose
 * ("we'll stick to the fruit theme", "let it be plastic", "skip the rubber") or sum up ("so
 * regular chip then"), and are not still weighing options or asking. Sentences a few turns apart
 * are one decision: the strongest wording is its text, and it cites every sentence.
 */
export function extractDecisions(transcript: Transcript): Draft[] {
  const groups: { best: { text: string; score: number }; utteranceIds: string[]; startMs: number; lastIndex: number }[] = [];
  for (const sentence of transcriptSentences(transcript)) {
    const score = decisionScore(sentence.clean);
    if (score === 0) continue;
    const text = shorten(trimDiscourseMarkers(sentence.clean));
    const last = groups.at(-1);
    if (last !== undefined && sentence.utteranceIndex - last.lastIndex <= SAME_DECISION_TURNS) {
      if (score > last.best.score) last.best = { text, score };
      for (const id of sentence.utteranceIds) if (!last.utteranceIds.includes(id)) last.utteranceIds.push(id);
      last.lastIndex = sentence.utteranceIndex;
      continue;
    }
    groups.push({ best: { text, score }, utteranceIds: [...sentence.utteranceIds], startMs: sentence.startMs, lastIndex: sentence.utteranceIndex });
  }
  return groups.map((group) => ({ text: group.best.text, utteranceIds: group.utteranceIds, startMs: group.startMs }));
}
