import type { Embedder } from '../domain/ports/Embedder.js';
import type { VectorHit, VectorIndex } from '../domain/ports/VectorIndex.js';
import { buildSearchDocuments } from '../domain/search/buildSearchDocuments.js';
import { indexMeeting } from '../domain/search/indexMeeting.js';
import { contentTerms } from '../domain/search/analyzeText.js';
import { relevanceRuleFor, termShare, type RelevanceRule } from '../domain/search/relevance.js';
import { findCandidates, parseSearch, rankCandidates, type SearchCandidates, type SearchRequest } from '../domain/search/searchArchive.js';
import type { Transcript } from '../domain/transcript/schema.js';
import { firstRelevantRank, isRelevant, randomScores, scoreRanks, type CitedHit, type SearchQuestion, type SearchScores } from './searchQuality.js';

/** One meeting of the evaluation archive, with its reference questions. */
export interface SearchEvalMeeting {
  transcript: Transcript;
  /** Reference utterance index of each transcript utterance id. */
  referenceIndex: ReadonlyMap<string, number>;
  /** Questions that name the span answering them. */
  questions: SearchQuestion[];
  /** Every question asked about the meeting, answered by a span or not, with its reference answer: the no-answer test asks these. */
  allQueries: { query: string; answer: string | null }[];
}

/**
 * Queries about nothing any meeting discusses: each must find nothing. Several share one common
 * word with the archive ("free", "battery"), which alone must not make a hit.
 */
export const NONSENSE_QUERIES = [
  'xylophone quantum',
  'purple elephant skateboard',
  'gluten free sourdough recipe',
  'medieval castle siege tactics',
  'volcano eruption forecast',
  'origami swan folding instructions',
  'kangaroo boxing championship',
  'saxophone reed replacement',
  'penguin migration antarctica',
  'tiramisu mascarpone ratio',
  'asteroid mining licence',
  'crochet blanket pattern',
  'submarine periscope repair',
  'llama wool knitting',
  'jellyfish sting remedy',
  'bobsleigh olympic qualifiers',
  'pyramid hieroglyph translation',
  'flamingo feathers',
  'avalanche beacon battery',
  'cactus watering schedule',
  'trombone slide lubricant',
  'dinosaur fossil excavation',
  'espresso crema temperature',
  'glacier calving iceberg',
  'mongoose cobra fight',
  'vampire garlic folklore',
  'surfing wetsuit thickness',
  'chess opening gambit',
  'what did the astronaut say about the lunar rover',
  'summarise the discussion about the wedding cake',
] as const;

export interface ArchiveSearchEvalOptions {
  /** At most this many answerable questions of the report part are asked (spread evenly), to bound the run time. */
  maxQuestions: number;
  /** Ask the calibration part too and sweep the rule's settings over it. */
  calibrate: boolean;
  /** Called once the archive is indexed (e.g. to compact the index), before any question. */
  afterIndexing?: () => Promise<void>;
}

/** A way of turning a search's candidates into hits. */
interface Ranker {
  name: string;
  rank: (request: SearchRequest, candidates: SearchCandidates) => CitedHit[];
}

export interface RankerResult {
  name: string;
  scores: SearchScores;
  /** Share of questions from meetings outside the archive that got any hit (the rest of their series stays in the archive). */
  heldOutFalseHits: number;
  /** The same questions asked of the archive without any meeting of their series (an AMI team's four meetings, an ICSI group, a committee). */
  seriesAbsentFalseHits: number;
  /** The same questions asked of the archive without any meeting of their source (AMI, ICSI, committees): truly unanswerable. */
  sourceAbsentFalseHits: number;
  /** Share of nonsense queries that got any hit. */
  nonsenseFalseHits: number;
}

export interface ArchiveSearchReport {
  embedder: string;
  rule: RelevanceRule;
  meetings: number;
  passages: number;
  indexSeconds: number;
  reportMeetings: number;
  calibrationMeetings: number;
  heldOutMeetings: number;
  questionsAsked: number;
  questionsAvailable: number;
  heldOutQueries: number;
  nonsenseQueries: number;
  rankers: RankerResult[];
  /** The same rankings on the calibration part (where the rule's settings were chosen). */
  tuneRankers: RankerResult[];
  tuneQuestionsAsked: number;
  tuneHeldOutQueries: number;
  /** The rule's gate (term share) varied with and without topic words, on both parts: recall against silence. */
  curve: CurveRow[];
  /** What the product's held-out false hits are: answers from a sibling meeting, or text that answers. */
  falseHitStudy: FalseHitStudy[];
  random: SearchScores;
  /** Recall at 10 of the product ranking by source of the meetings (AMI, ICSI, committees). */
  bySource: { source: string; questions: number; recallAt10: number; mrrAt10: number }[];
  searchSeconds: number;
  calibration: CalibrationRow[] | null;
}

export interface CurveRow {
  part: 'tune' | 'report';
  minTermShare: number;
  topicWordsOnly: boolean;
  recallAt10: number;
  mrrAt10: number;
  heldOutFalseHits: number;
  seriesAbsentFalseHits: number;
  sourceAbsentFalseHits: number;
  nonsenseFalseHits: number;
}

/**
 * The held-out questions that got hits, and how many of those are honest: the top hit is from a
 * meeting of the same series (the same AMI team's other meetings, the same ICSI group), or a hit
 * of the top 3 holds as much of the reference answer's words as a true answering passage
 * typically does (the median over the answerable questions of the part).
 */
export interface FalseHitStudy {
  part: 'tune' | 'report';
  ranker: string;
  heldOut: number;
  withHits: number;
  sameSeries: number;
  answersAsWell: number;
  either: number;
  coverageThreshold: number;
}

export interface CalibrationRow {
  similarityFloor: number;
  minTermShare: number;
  recallAt10: number;
  heldOutFalseHits: number;
  nonsenseFalseHits: number;
}

const TENANT = 'eval';

/** Which third a meeting falls in: the first of every three (by id) calibrates, the others report. */
const isCalibration = (position: number): boolean => position % 3 === 0;
/** One meeting in five is held out of the archive for the no-answer test. */
const isHeldOut = (position: number): boolean => position % 5 === 4;

/** The series a meeting belongs to: an AMI team's four meetings (ES2002a–d), an ICSI group (Bro, Bmr, Bed), a committee's topic. */
export function seriesOf(meetingId: string): string {
  if (/^(ES|IS|TS)\d/.test(meetingId)) return meetingId.replace(/[a-z]$/, '');
  if (/^B[a-z]{2}\d/.test(meetingId)) return meetingId.slice(0, 3);
  return meetingId.replace(/_\d+$/, '');
}

export function sourceOf(meetingId: string): string {
  if (/^(ES|IS|TS)\d/.test(meetingId)) return 'AMI';
  if (/^B/.test(meetingId)) return 'ICSI';
  return 'committees';
}

/**
 * Indexes every meeting into one archive and asks the reference questions of it, scoring the
 * product's ranking beside the ranking without the relevance rule, the Pinecone path (vector
 * candidates re-ranked by words), full text (BM25) alone and random passages. The no-answer test
 * asks the questions of held-out meetings — searched with the held-out meetings filtered away,
 * so the archive they see lacks them — and nonsense queries: any hit is a false hit.
 */
export async function evaluateArchiveSearch(
  deps: { embedder: Embedder; index: VectorIndex },
  meetings: readonly SearchEvalMeeting[],
  options: ArchiveSearchEvalOptions,
): Promise<ArchiveSearchReport> {
  const sorted = [...meetings].sort((a, b) => a.transcript.meetingId.localeCompare(b.transcript.meetingId));
  const started = performance.now();
  let passages = 0;
  const relevantCounts = new Map<SearchQuestion, number>();
  const referenceIndexOf = referenceLookup(sorted);
  for (const meeting of sorted) {
    const input = { tenantId: TENANT, transcript: meeting.transcript };
    passages += (await indexMeeting(deps, input)).documents;
    const documents = buildSearchDocuments(input);
    for (const question of meeting.questions) relevantCounts.set(question, documents.filter((document) => isRelevant(document, question, referenceIndexOf)).length);
  }
  await options.afterIndexing?.();
  const indexSeconds = (performance.now() - started) / 1000;

  const part = (calibration: boolean) => sorted.filter((_, position) => isCalibration(position) === calibration);
  const heldOut = new Set(sorted.filter((_, position) => isHeldOut(position)).map((meeting) => meeting.transcript.meetingId));
  const archiveWithoutHeldOut = sorted.map((meeting) => meeting.transcript.meetingId).filter((id) => !heldOut.has(id));
  const rule = relevanceRuleFor(deps.embedder);
  const rankers = rankersFor(rule);

  const searchStarted = performance.now();
  const report = await askPart(deps, part(false), heldOut, archiveWithoutHeldOut, options.maxQuestions);
  // The calibration part, fewer of its questions: its rows show what the settings were chosen on.
  const tune = await askPart(deps, part(true), heldOut, archiveWithoutHeldOut, options.calibrate ? Number.POSITIVE_INFINITY : Math.ceil(options.maxQuestions / 2));
  const rankerResults = rankers.map((ranker) => resultOf(ranker, report, referenceIndexOf));
  const tuneResults = rankers.map((ranker) => resultOf(ranker, tune, referenceIndexOf));
  const product = rankers[0]!;
  const bySource = [...new Set(report.answerable.map(({ question }) => sourceOf(question.meetingId)))].sort().map((source) => {
    const asked = report.answerable.filter(({ question }) => sourceOf(question.meetingId) === source);
    const scores = scoreRanks(asked.map(({ question, request, candidates }) => firstRelevantRank(product.rank(request, candidates).map((hit) => isRelevant(hit, question, referenceIndexOf)))));
    return { source, questions: asked.length, recallAt10: scores.recallAt10, mrrAt10: scores.mrrAt10 };
  });
  const calibration = options.calibrate ? calibrate(tune, rule, referenceIndexOf) : null;
  const curve = [...curveOf('tune', tune, rule, referenceIndexOf), ...curveOf('report', report, rule, referenceIndexOf)];
  const falseHitStudy = (['tune', 'report'] as const).flatMap((name) =>
    rankers.slice(0, 2).map((ranker) => studyFalseHits(name, ranker, name === 'tune' ? tune : report, referenceIndexOf)),
  );

  return {
    embedder: deps.embedder.model,
    rule,
    meetings: sorted.length,
    passages,
    indexSeconds,
    reportMeetings: part(false).length,
    calibrationMeetings: part(true).length,
    heldOutMeetings: heldOut.size,
    questionsAsked: report.answerable.length,
    questionsAvailable: part(false).reduce((sum, meeting) => sum + meeting.questions.length, 0),
    heldOutQueries: report.heldOut.length,
    nonsenseQueries: report.nonsense.length,
    rankers: rankerResults,
    tuneRankers: tuneResults,
    tuneQuestionsAsked: tune.answerable.length,
    tuneHeldOutQueries: tune.heldOut.length,
    curve,
    falseHitStudy,
    random: randomScores(passages, report.answerable.map(({ question }) => relevantCounts.get(question) ?? 0)),
    bySource,
    searchSeconds: (performance.now() - searchStarted) / 1000,
    calibration,
  };
}

interface Asked {
  request: SearchRequest;
  candidates: SearchCandidates;
}

interface AskedHeldOut extends Asked {
  meetingId: string;
  answer: string | null;
}

interface AskedPart {
  answerable: (Asked & { question: SearchQuestion })[];
  /** Held-out questions asked of the archive without their meeting, without their series, without their source. */
  heldOut: AskedHeldOut[];
  seriesAbsent: Asked[];
  sourceAbsent: Asked[];
  nonsense: Asked[];
}

/** Fetches the candidates of every question of one part once; the rankers then work on them alone. */
async function askPart(
  deps: { embedder: Embedder; index: VectorIndex },
  meetings: readonly SearchEvalMeeting[],
  heldOut: ReadonlySet<string>,
  archiveWithoutHeldOut: readonly string[],
  maxQuestions: number,
): Promise<AskedPart> {
  const ask = async (query: string, meetingIds?: readonly string[]): Promise<Asked> => {
    const request = parseSearch({ tenantId: TENANT, query, limit: 10, ...(meetingIds === undefined ? {} : { meetingIds: [...meetingIds] }) });
    return { request, candidates: await findCandidates(deps, request) };
  };
  const questions = evenlySpread(
    meetings.filter((meeting) => !heldOut.has(meeting.transcript.meetingId)).flatMap((meeting) => meeting.questions),
    maxQuestions,
  );
  const answerable = [];
  for (const question of questions) answerable.push({ question, ...(await ask(question.query)) });
  const held = [];
  const seriesAbsent = [];
  const sourceAbsent = [];
  for (const meeting of meetings.filter((meeting) => heldOut.has(meeting.transcript.meetingId))) {
    const { meetingId } = meeting.transcript;
    const withoutSeries = archiveWithoutHeldOut.filter((id) => seriesOf(id) !== seriesOf(meetingId));
    const withoutSource = archiveWithoutHeldOut.filter((id) => sourceOf(id) !== sourceOf(meetingId));
    for (const { query, answer } of meeting.allQueries) {
      held.push({ meetingId, answer, ...(await ask(query, archiveWithoutHeldOut)) });
      seriesAbsent.push(await ask(query, withoutSeries));
      sourceAbsent.push(await ask(query, withoutSource));
    }
  }
  const nonsense = [];
  for (const query of NONSENSE_QUERIES) nonsense.push(await ask(query));
  return { answerable, heldOut: held, seriesAbsent, sourceAbsent, nonsense };
}

function rankersFor(rule: RelevanceRule): Ranker[] {
  const vectorOnly = (candidates: SearchCandidates): SearchCandidates => ({ semantic: candidates.semantic, keyword: null });
  const topOf = (hits: readonly VectorHit[]): CitedHit[] => hits.slice(0, 10).map((hit) => hit.document);
  return [
    { name: 'hybrid + relevance rule (product)', rank: (request, candidates) => rankCandidates(request, candidates, rule) },
    { name: 'hybrid + all-words rule (before)', rank: (request, candidates) => rankCandidates(request, candidates, allWordsRule(rule)) },
    { name: 'hybrid + first rule', rank: (request, candidates) => rankCandidates(request, candidates, firstRule(rule)) },
    { name: 'hybrid, no rule', rank: (request, candidates) => rankCandidates(request, candidates, null) },
    { name: 'Pinecone path + rule', rank: (request, candidates) => rankCandidates(request, vectorOnly(candidates), rule) },
    { name: 'Pinecone path + all-words rule', rank: (request, candidates) => rankCandidates(request, vectorOnly(candidates), allWordsRule(rule)) },
    { name: 'Pinecone path, no rule', rank: (request, candidates) => rankCandidates(request, vectorOnly(candidates), null) },
    { name: 'BM25 alone (full text)', rank: (_, candidates) => topOf(candidates.keyword ?? []) },
    { name: 'vector neighbours alone', rank: (_, candidates) => topOf(candidates.semantic) },
  ];
}

/** The rule as first shipped: evidence per candidate only, no supporting candidates, equal fusion weights, every query word counted. */
const firstRule = (rule: RelevanceRule): RelevanceRule => ({ ...rule, supportMargin: Number.POSITIVE_INFINITY, semanticWeight: 1, topicWordsOnly: false });

/** The rule before topic words: speakers' names and general meeting-question words count as evidence like any word. */
const allWordsRule = (rule: RelevanceRule): RelevanceRule => ({ ...rule, topicWordsOnly: false });

function resultOf(ranker: Ranker, asked: AskedPart, referenceIndexOf: ReferenceLookup): RankerResult {
  const ranks = asked.answerable.map(({ question, request, candidates }) =>
    firstRelevantRank(ranker.rank(request, candidates).map((hit) => isRelevant(hit, question, referenceIndexOf))),
  );
  const falseHits = (queries: readonly Asked[]) => (queries.length === 0 ? 0 : queries.filter(({ request, candidates }) => ranker.rank(request, candidates).length > 0).length / queries.length);
  return {
    name: ranker.name,
    scores: scoreRanks(ranks),
    heldOutFalseHits: falseHits(asked.heldOut),
    seriesAbsentFalseHits: falseHits(asked.seriesAbsent),
    sourceAbsentFalseHits: falseHits(asked.sourceAbsent),
    nonsenseFalseHits: falseHits(asked.nonsense),
  };
}

const CALIBRATION_FLOORS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 1.01];
const CALIBRATION_SHARES = [0, 0.34, 0.5, 0.67];

/** The rule's settings swept over the calibration part: what each costs in recall and buys in silence. */
function calibrate(asked: AskedPart, product: RelevanceRule, referenceIndexOf: ReferenceLookup): CalibrationRow[] {
  return CALIBRATION_FLOORS.flatMap((similarityFloor) =>
    CALIBRATION_SHARES.map((minTermShare) => {
      const rule = { ...product, similarityFloor, minTermShare };
      const result = resultOf({ name: '', rank: (request, candidates) => rankCandidates(request, candidates, rule) }, asked, referenceIndexOf);
      return { similarityFloor, minTermShare, recallAt10: result.scores.recallAt10, heldOutFalseHits: result.heldOutFalseHits, nonsenseFalseHits: result.nonsenseFalseHits };
    }),
  );
}

const CURVE_SHARES = [0.5, 0.6, 0.67, 0.75];

/** The product rule with its gate (term share) varied, counting all the query's words or its topic words: each point's recall and false hits. */
function curveOf(part: 'tune' | 'report', asked: AskedPart, product: RelevanceRule, referenceIndexOf: ReferenceLookup): CurveRow[] {
  return [false, true].flatMap((topicWordsOnly) =>
    CURVE_SHARES.map((minTermShare) => {
      const rule = { ...product, minTermShare, topicWordsOnly };
      const { scores, name: _, ...falseHits } = resultOf({ name: '', rank: (request, candidates) => rankCandidates(request, candidates, rule) }, asked, referenceIndexOf);
      return { part, minTermShare, topicWordsOnly, recallAt10: scores.recallAt10, mrrAt10: scores.mrrAt10, ...falseHits };
    }),
  );
}

/** Which of a ranking's held-out false hits are honest (see FalseHitStudy). */
function studyFalseHits(part: 'tune' | 'report', ranker: Ranker, asked: AskedPart, referenceIndexOf: ReferenceLookup): FalseHitStudy {
  const answerStems = (answer: string) => new Set(contentTerms(answer).map((term) => term.stem));
  // A hit's whole passage text, from the candidates it was ranked from (a hit carries a snippet only).
  const textOf = (candidates: SearchCandidates, hit: CitedHit): string => {
    const same = (c: VectorHit) => c.document.meetingId === hit.meetingId && c.document.utteranceIds.join() === hit.utteranceIds.join();
    return (candidates.semantic.find(same) ?? candidates.keyword?.find(same))?.document.text ?? '';
  };
  // How much of the reference answer a true answering passage holds, typically.
  const trueCoverage = asked.answerable
    .flatMap(({ question, request, candidates }) => {
      const hit = ranker.rank(request, candidates).find((h) => isRelevant(h, question, referenceIndexOf));
      return question.answer === undefined || hit === undefined ? [] : [termShare(textOf(candidates, hit), answerStems(question.answer))];
    })
    .sort((a, b) => a - b);
  const threshold = trueCoverage[Math.floor(trueCoverage.length / 2)] ?? 1;
  const withHits = asked.heldOut.map((held) => ({ held, hits: ranker.rank(held.request, held.candidates) })).filter(({ hits }) => hits.length > 0);
  const sameSeries = ({ held, hits }: (typeof withHits)[number]) => seriesOf(hits[0]!.meetingId) === seriesOf(held.meetingId);
  const answers = ({ held, hits }: (typeof withHits)[number]) => {
    if (held.answer === null) return false;
    const stems = answerStems(held.answer);
    return hits.slice(0, 3).some((hit) => termShare(textOf(held.candidates, hit), stems) >= threshold);
  };
  return {
    part,
    ranker: ranker.name,
    heldOut: asked.heldOut.length,
    withHits: withHits.length,
    sameSeries: withHits.filter(sameSeries).length,
    answersAsWell: withHits.filter(answers).length,
    either: withHits.filter((w) => sameSeries(w) || answers(w)).length,
    coverageThreshold: threshold,
  };
}

/** At most `count` items, taken at even steps so every meeting keeps its share. */
function evenlySpread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, n) => items[Math.floor((n * items.length) / count)]!);
}

type ReferenceLookup = (meetingId: string, utteranceId: string) => number | undefined;

function referenceLookup(meetings: readonly SearchEvalMeeting[]): ReferenceLookup {
  const byMeeting = new Map(meetings.map((meeting) => [meeting.transcript.meetingId, meeting.referenceIndex]));
  return (meetingId, utteranceId) => byMeeting.get(meetingId)?.get(utteranceId);
}
