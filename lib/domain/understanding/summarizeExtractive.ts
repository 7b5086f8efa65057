import type { Transcript } from '../transcript/schema.js';
import { peopleOf } from './people.js';
import { chapterTitles, type UtteranceRange } from './chapters/chapterTitles.js';
import { meetingOpening } from './summary/meetingOpening.js';
import { meetingTopics } from './summary/meetingTopics.js';
import { questionExchanges } from './summary/questionExchanges.js';
import { nextStepSentence, type NextStepInput } from './summary/nextSteps.js';
import { pickByMarginalRelevance } from './summary/pickByMarginalRelevance.js';
import { groupVoice, reportSpeech } from './summary/reportSpeech.js';
import { speakerReference } from './summary/speakerReference.js';
import { summaryBudget } from './summaryBudget.js';
import { cosine, norm, termCounts, type TermVector } from './text/termVector.js';
import { wordsOf } from './text/tokenize.js';
import { cleanDisfluencies } from './text/cleanDisfluencies.js';
import { splitSentences } from './text/splitSentences.js';
import { trimDiscourseMarkers } from './text/trimDiscourseMarkers.js';
import { transcriptSentences, type TranscriptSentence } from './transcriptSentences.js';

export interface SummaryLine {
  text: string;
  utteranceIds: string[];
}

/** The summary in the parts notes have; `sentences` is all of them in this order. */
export interface SummarySections {
  overview: SummaryLine[];
  keyPoints: SummaryLine[];
  decisions: SummaryLine[];
  nextSteps: SummaryLine[];
}

export interface ExtractiveSummary {
  text: string;
  sentences: SummaryLine[];
  sections: SummarySections;
}

/** What was decided, from the decision extractor or a model. */
export interface DecisionInput {
  text: string;
  utteranceIds: readonly string[];
}

export interface SummarizeOptions {
  /** Word budget; by default it grows with the meeting's length from 80 to 150 words. */
  maxWords?: number;
  /** The meeting's action items: the owned ones become the summary's next steps. */
  actionItems?: readonly NextStepInput[];
  /** The meeting's decisions. */
  decisions?: readonly DecisionInput[];
}

// A sentence needs this many words and distinct content words to stand on its own in a summary.
const MIN_SENTENCE_WORDS = 6;
const MIN_SENTENCE_TERMS = 3;
const TOPICS = 3;
const MAX_DECISIONS = 3;
const MAX_NEXT_STEPS = 3;
const MAX_CANDIDATES = 80;
const MIN_KEY_POINT_WORDS = 20;
const MAX_SECTION_LINE_WORDS = 30;

// Speech is full of questions and of sentences that trail off or are cut off; a summary wants finished statements.
const isCompleteStatement = (sentence: string): boolean => /[.!]["')\]]*$/.test(sentence);

// Thanks and greetings are courtesy, not a point anyone made ("I would like to thank the honourable member for her question").
const isCourtesy = (sentence: string): boolean => /\b(?:thank(?:s| you)?|welcome|good (?:morning|afternoon|evening))\b/i.test(sentence);

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;

/** Inverse sentence frequency: a term in every sentence says nothing about any of them. */
function inverseSentenceFrequency(sentences: readonly TranscriptSentence[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const term of new Set(sentence.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) weights.set(term, Math.log(sentences.length / frequency));
  return weights;
}

const weighted = (terms: Iterable<string>, idf: Map<string, number>): TermVector => {
  const vector: TermVector = new Map();
  for (const [term, count] of termCounts(terms)) vector.set(term, count * (idf.get(term) ?? 0));
  return vector;
};

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** A title inside a sentence: its first word lower-cased unless it is a name or an acronym. */
const asPhrase = (title: string, keepCase: (word: string) => boolean): string => {
  const [first = '', ...rest] = title.split(' ');
  return [/^\p{Lu}\p{Ll}/u.test(first) && !keepCase(first) ? first.toLowerCase() : first, ...rest].join(' ');
};

const empty = (): ExtractiveSummary => ({ text: '', sentences: [], sections: { overview: [], keyPoints: [], decisions: [], nextSteps: [] } });

/**
 * A summary that reads like notes: an overview (what the meeting was about, who spoke most), key
 * points, decisions and next steps with owners. Key points are extracted: every statement is
 * scored by its cosine similarity to the meeting's centroid (the tf-idf profile of everything
 * said, Radev et al. 2004) and picked by maximal marginal relevance until the word budget is
 * spent, then put back in spoken order. Each is retold in the third person and attributed to its
 * speaker ("The project manager suggested that the group ..."), without fillers and stutters;
 * questions, fragments and sentences that cannot be retold are never picked. Decisions and next
 * steps come from the decisions and action items given. Every line cites the utterances it
 * comes from.
 */
export function summarizeExtractive(transcript: Transcript, options: SummarizeOptions = {}): ExtractiveSummary {
  const sentences = transcriptSentences(transcript);
  const meetingWords = transcript.utterances.reduce((sum, utterance) => sum + wordCount(utterance.text), 0);
  const budget = options.maxWords ?? summaryBudget(meetingWords);
  if (sentences.length === 0 || budget <= 0) return empty();

  const people = peopleOf(transcript);
  const keepCase = (word: string): boolean => people.couldBeName(word) || people.isKnownName(word);
  const speakerNames = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const referenceOf = (speakerId: string) => speakerReference(speakerNames.get(speakerId) ?? 'A speaker');

  const nextSteps = (options.actionItems ?? [])
    .filter((item) => item.owner !== null)
    .slice(0, MAX_NEXT_STEPS)
    .flatMap((item) => {
      const said = transcript.utterances.find((utterance) => utterance.id === item.utteranceIds[0]);
      const text = nextStepSentence(item, said === undefined ? null : (speakerNames.get(said.speakerId) ?? null), keepCase);
      return text === null || wordCount(text) > MAX_SECTION_LINE_WORDS ? [] : [{ text, utteranceIds: [...item.utteranceIds] }];
    });
  const decisions = (options.decisions ?? [])
    .flatMap((decision) => {
      // The first finished sentence of what settled it, cleaned like every line of the summary.
      const first = splitSentences(decision.text.replace(/…$/, '')).map((sentence) => trimDiscourseMarkers(cleanDisfluencies(sentence)))[0] ?? '';
      const text = wordCount(first) >= MIN_SENTENCE_WORDS && wordCount(first) <= MAX_SECTION_LINE_WORDS ? groupVoice(first) : null;
      return text === null ? [] : [{ text: /[.!]$/.test(text) ? text : `${text}.`, utteranceIds: [...decision.utteranceIds] }];
    })
    .slice(0, MAX_DECISIONS);
  const wordsIn = (lines: readonly SummaryLine[]): number => lines.reduce((sum, line) => sum + wordCount(line.text), 0);
  // Decisions and next steps leave at least half the words to the overview and key points.
  while (wordsIn([...decisions, ...nextSteps]) > budget / 2 && (nextSteps.length > 0 || decisions.length > 0)) {
    if (nextSteps.length >= decisions.length) nextSteps.pop();
    else decisions.pop();
  }
  // The overview gives up its least needed lines first; a summary too short for any keeps the key points.
  const overviewLines = overviewOf(transcript, sentences, keepCase, referenceOf);
  while (overviewLines.length > 0 && budget - wordsIn([...overviewLines.map((entry) => entry.line), ...decisions, ...nextSteps]) < MIN_KEY_POINT_WORDS) {
    const leastNeeded = overviewLines.reduce((worst, entry, i) => (entry.rank > (overviewLines[worst]?.rank ?? -1) ? i : worst), 0);
    overviewLines.splice(leastNeeded, 1);
  }
  const overview = overviewLines.map((entry) => entry.line);
  const keyPoints = keyPointsOf(sentences, budget - wordsIn([...overview, ...decisions, ...nextSteps]), keepCase, referenceOf);

  const labelled = (label: string, lines: SummaryLine[]): SummaryLine[] =>
    lines.map((line, i) => (i === 0 ? { ...line, text: `${label} ${line.text}` } : line));
  const sections: SummarySections = {
    overview,
    keyPoints,
    decisions: labelled('Decided:', decisions),
    nextSteps: labelled('Next steps:', nextSteps),
  };
  const all = [...sections.overview, ...sections.keyPoints, ...sections.decisions, ...sections.nextSteps];
  if (sections.keyPoints.length === 0 && decisions.length === 0 && nextSteps.length === 0) return empty();
  return { text: all.map((line) => line.text).join(' '), sentences: all, sections };
}

/**
 * What the meeting was (as its chair named it), what it was about, who asked whom about what
 * when it was run as questions and answers, and who did most of the talking; in reading order,
 * each ranked by how much a reader needs it (lower first), so a tight budget drops the last.
 */
function overviewOf(
  transcript: Transcript,
  sentences: readonly TranscriptSentence[],
  keepCase: (word: string) => boolean,
  referenceOf: (speakerId: string) => { subject: string; inline: string },
): { line: SummaryLine; rank: number }[] {
  const nameTokens = new Set(transcript.speakers.flatMap((speaker) => wordsOf(speaker.name).map((word) => word.toLowerCase())));
  const lines: { line: SummaryLine; rank: number }[] = meetingOpening(sentences).map((line, i) => ({ line, rank: i === 0 ? 0 : 1 + i }));
  const topics = meetingTopics(sentences, TOPICS, nameTokens, keepCase);
  if (topics.length > 0) {
    lines.push({ line: { text: `The meeting was mainly about ${list(topics.map((topic) => topic.phrase))}.`, utteranceIds: [...new Set(topics.map((topic) => topic.utteranceId))] }, rank: 1 });
  }
  const topicsOf = (ranges: readonly UtteranceRange[]): (string | null)[] =>
    chapterTitles(transcript, ranges).map((title) => (/^Part \d+$/.test(title) ? null : asPhrase(title, keepCase)));
  const exchanges = questionExchanges(transcript, (id) => referenceOf(id).subject, topicsOf);
  exchanges.forEach((line, i) => lines.push({ line, rank: 4 + i }));
  const wordsBySpeaker = new Map<string, { words: number; utteranceId: string }>();
  for (const utterance of transcript.utterances) {
    const entry = wordsBySpeaker.get(utterance.speakerId) ?? { words: 0, utteranceId: utterance.id };
    entry.words += wordCount(utterance.text);
    wordsBySpeaker.set(utterance.speakerId, entry);
  }
  const talkers = [...wordsBySpeaker.entries()].sort((a, b) => b[1].words - a[1].words);
  const [first, ...others] = talkers;
  if (first !== undefined && talkers.length > 1) {
    const rest = others.slice(0, 3).map(([id]) => referenceOf(id).inline);
    lines.push({
      line: { text: `${referenceOf(first[0]).subject} spoke most, with ${list(rest)}.`, utteranceIds: [first[1].utteranceId, ...others.slice(0, 3).map(([, entry]) => entry.utteranceId)] },
      rank: 8,
    });
  }
  return lines;
}

/** The most central statements, retold and attributed, in spoken order. */
function keyPointsOf(
  sentences: readonly TranscriptSentence[],
  budget: number,
  keepCase: (word: string) => boolean,
  referenceOf: (speakerId: string) => { subject: string; inline: string },
): SummaryLine[] {
  const idf = inverseSentenceFrequency(sentences);
  const centroid = weighted(sentences.flatMap((sentence) => sentence.terms), idf);
  const centroidNorm = norm(centroid);
  const candidatesOf = (finishedOnly: boolean) => {
    const scored = sentences.flatMap((sentence, order) => {
      const distinctTerms = new Set(sentence.terms);
      if ((finishedOnly && !isCompleteStatement(sentence.clean)) || isCourtesy(sentence.clean) || wordCount(sentence.clean) < MIN_SENTENCE_WORDS || distinctTerms.size < MIN_SENTENCE_TERMS) return [];
      const vector = weighted(distinctTerms, idf);
      const vectorNorm = norm(vector);
      return [{ order, sentence, vector, norm: vectorNorm, relevance: cosine(vector, centroid, vectorNorm, centroidNorm) }];
    });
    // Only the most central sentences can be picked; retelling the rest would be wasted work.
    return scored
      .sort((a, b) => b.relevance - a.relevance)
      .slice(0, MAX_CANDIDATES)
      .flatMap((candidate) => {
        const reported = reportSpeech(trimDiscourseMarkers(candidate.sentence.clean), referenceOf(candidate.sentence.speakerId), keepCase);
        return reported === null ? [] : [{ ...candidate, text: reported.text, words: wordCount(reported.text) }];
      });
  };
  // A transcript without punctuation finishes no sentence: then unfinished ones are better than nothing.
  let candidates = candidatesOf(true);
  if (candidates.length === 0) candidates = candidatesOf(false);
  return pickByMarginalRelevance(candidates, budget)
    .sort((a, b) => a.order - b.order)
    .map((candidate) => ({ text: candidate.text, utteranceIds: candidate.sentence.utteranceIds }));
}
