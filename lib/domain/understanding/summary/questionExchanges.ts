import type { Transcript } from '../../transcript/schema.js';
import type { UtteranceRange } from '../chapters/chapterTitles.js';

export interface ExchangeLine {
  text: string;
  utteranceIds: string[];
}

// A question worth noting is asked at some length and answered at length: a hearing, an interview, questions to a minister.
const MIN_QUESTION_WORDS = 12;
const MIN_ANSWER_WORDS = 30;
// Fewer such exchanges than this and the meeting is a discussion, not questions and answers.
const MIN_EXCHANGES = 4;
const MAX_LINES = 3;

const words = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
const isQuestion = (text: string): boolean => /\?/.test(text) || /\bmy (?:first |next |last )?question\b/i.test(text);

/**
 * Who asked whom about what, for meetings run as questions and answers (a committee questioning
 * ministers, a hearing, an interview): an utterance asking a question at some length, answered
 * at length by someone else, is an exchange; the pairs of asker and answerer with the most
 * exchanges become "Mrs. Cathay Wagantall asked Hon. Lawrence MacAulay about veterans' benefits.",
 * the topic being what sets the stretch from their first question to their last answer apart
 * (`topicsOf`, e.g. chapter titles). Nothing when the meeting has fewer than four such
 * exchanges, or a pair's stretch has no topic.
 */
export function questionExchanges(
  transcript: Transcript,
  nameOf: (speakerId: string) => string,
  topicsOf: (ranges: readonly UtteranceRange[]) => (string | null)[],
): ExchangeLine[] {
  const utterances = transcript.utterances;
  const byPair = new Map<string, { asker: string; answerer: string; questions: number; utteranceIds: string[]; first: number; last: number }>();
  let exchanges = 0;
  utterances.forEach((question, i) => {
    const answer = utterances[i + 1];
    if (answer === undefined || answer.speakerId === question.speakerId) return;
    if (!isQuestion(question.text) || words(question.text) < MIN_QUESTION_WORDS || words(answer.text) < MIN_ANSWER_WORDS) return;
    exchanges++;
    const key = `${question.speakerId}\u0000${answer.speakerId}`;
    const pair = byPair.get(key) ?? { asker: question.speakerId, answerer: answer.speakerId, questions: 0, utteranceIds: [], first: i, last: i + 1 };
    pair.questions++;
    pair.last = i + 1;
    pair.utteranceIds.push(question.id, answer.id);
    byPair.set(key, pair);
  });
  if (exchanges < MIN_EXCHANGES) return [];

  const ranked = [...byPair.values()].sort((a, b) => b.questions - a.questions || a.first - b.first).slice(0, MAX_LINES);
  const topics = topicsOf(ranked.map((pair) => ({ first: pair.first, last: pair.last })));
  return ranked
    .flatMap((pair, i) => {
      const topic = topics[i] ?? null;
      if (topic === null) return [];
      return [{ first: pair.first, line: { text: `${nameOf(pair.asker)} asked ${nameOf(pair.answerer)} about ${topic}.`, utteranceIds: pair.utteranceIds } }];
    })
    .sort((a, b) => a.first - b.first)
    .map(({ line }) => line);
}
