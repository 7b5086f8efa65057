import type { ArchiveSearchReport } from './archiveSearch.js';

const cell = (value: number, width = 7) => value.toFixed(3).padStart(width);
const percent = (value: number, width = 9) => `${(value * 100).toFixed(1)} %`.padStart(width);

/** The archive search table: rankings with their recall and false-hit rates, baselines beside them. */
export function formatArchiveSearch(report: ArchiveSearchReport, dir: string): string {
  const product = report.rankers[0]!;
  const before = report.rankers[1]!;
  const header = `${'ranking'.padEnd(36)}${'R@1'.padStart(7)}${'R@5'.padStart(7)}${'R@10'.padStart(7)}${'MRR@10'.padStart(7)}${'held-out'.padStart(10)}${'no series'.padStart(10)}${'no source'.padStart(10)}${'nonsense'.padStart(10)}`;
  const row = (ranker: (typeof report.rankers)[number]) =>
    `${ranker.name.padEnd(36)}${cell(ranker.scores.recallAt1)}${cell(ranker.scores.recallAt5)}${cell(ranker.scores.recallAt10)}${cell(ranker.scores.mrrAt10)}` +
    `${percent(ranker.heldOutFalseHits, 10)}${percent(ranker.seriesAbsentFalseHits, 10)}${percent(ranker.sourceAbsentFalseHits, 10)}${percent(ranker.nonsenseFalseHits, 10)}`;
  const lines = [
    `Archive search (${report.embedder}, LanceDB): ${report.meetings} meetings of ${dir} in one archive, transcript passages only (${report.passages}), indexed in ${report.indexSeconds.toFixed(0)} s`,
    `Rule: a search has an answer when a vector neighbour has cosine ≥ ${report.rule.similarityFloor} or a passage holds > ${report.rule.minTermShare * 100} % of the query's ${report.rule.topicWordsOnly ? 'topic words (content words less speakers\' names and general meeting-question words; none: no answer)' : 'content words'};`,
    `it then also keeps the keyword candidates scoring ≥ ${report.rule.supportMargin} × the best BM25 score; fusion weight of the vector ranking ${report.rule.semanticWeight} (keyword ranking 1).`,
    `Reported on the ${report.reportMeetings} meetings not used to calibrate (1 in 3 calibrates): ${report.questionsAsked} of their ${report.questionsAvailable} answerable questions, evenly spread;`,
    `no-answer: ${report.heldOutQueries} questions of the held-out meetings (1 in 5, searched with those meetings filtered away: "held-out"; also with every meeting`,
    `of their series filtered away: "no series" (AMI team, ICSI group, committee); and with every meeting of their source: "no source", truly unanswerable) and ${report.nonsenseQueries} nonsense queries.`,
    '',
    `${''.padEnd(64)}  false-hit rate (share of no-answer queries with any hit)`,
    header,
    ...report.rankers.map(row),
    `${'random passages (expected)'.padEnd(36)}${cell(report.random.recallAt1)}${cell(report.random.recallAt5)}${cell(report.random.recallAt10)}${cell(report.random.mrrAt10)}`,
    '',
    `The same on the calibration meetings (where the margin and weights were chosen): ${report.tuneQuestionsAsked} answerable questions, ${report.tuneHeldOutQueries} held-out`,
    header,
    ...report.tuneRankers.map(row),
    '',
    `Rule before → now: R@10 ${before.scores.recallAt10.toFixed(3)} → ${product.scores.recallAt10.toFixed(3)} (${signed(product.scores.recallAt10 - before.scores.recallAt10)}), MRR@10 ${signed(product.scores.mrrAt10 - before.scores.mrrAt10)};` +
      ` false hits on held-out questions ${percent(before.heldOutFalseHits, 0)} → ${percent(product.heldOutFalseHits, 0)}, series absent ${percent(before.seriesAbsentFalseHits, 0)} → ${percent(product.seriesAbsentFalseHits, 0)},` +
      ` source absent ${percent(before.sourceAbsentFalseHits, 0)} → ${percent(product.sourceAbsentFalseHits, 0)}, nonsense ${percent(before.nonsenseFalseHits, 0)} → ${percent(product.nonsenseFalseHits, 0)}.`,
    `By source (product ranking): ${report.bySource.map((s) => `${s.source} R@10 ${s.recallAt10.toFixed(3)}, MRR@10 ${s.mrrAt10.toFixed(3)} (${s.questions} q.)`).join('; ')}.`,
    'R@k: share of questions with a passage of the right meeting citing an utterance of the reference span in the top k.',
    '',
    'What the held-out false hits are (a held-out meeting\'s siblings stay in the archive: an AMI team\'s other meetings, the same ICSI group, the same committee):',
    ...report.falseHitStudy.map(
      (study) =>
        `  ${study.part.padEnd(7)}${study.ranker.padEnd(36)}${study.withHits} of ${study.heldOut} got hits: top hit from the same series ${study.sameSeries}; a top-3 hit holding ≥ ${(study.coverageThreshold * 100).toFixed(0)} % of the reference answer's words` +
        ` (the median for true answering passages) ${study.answersAsWell}; either ${study.either} → at most ${percent((study.withHits - study.either) / Math.max(1, study.heldOut), 0)} unexplained`,
    ),
    '',
    'Trade-off: the gate (term share) varied over all the query\'s words or its topic words, floor and margin as above',
    `${'part'.padEnd(8)}${'words'.padEnd(7)}${'share >'.padStart(8)}${'R@10'.padStart(7)}${'MRR@10'.padStart(7)}${'held-out'.padStart(10)}${'no series'.padStart(10)}${'no source'.padStart(10)}${'nonsense'.padStart(10)}`,
    ...report.curve.map(
      (c) =>
        `${c.part.padEnd(8)}${(c.topicWordsOnly ? 'topic' : 'all').padEnd(7)}${String(c.minTermShare).padStart(8)}${cell(c.recallAt10)}${cell(c.mrrAt10)}` +
        `${percent(c.heldOutFalseHits, 10)}${percent(c.seriesAbsentFalseHits, 10)}${percent(c.sourceAbsentFalseHits, 10)}${percent(c.nonsenseFalseHits, 10)}`,
    ),
    `Questions asked in ${report.searchSeconds.toFixed(0)} s.`,
  ];
  if (report.calibration !== null) {
    lines.push('', `Calibration (the ${report.calibrationMeetings} calibration meetings): R@10 / held-out false hits / nonsense false hits by floor and term share`);
    const shares = [...new Set(report.calibration.map((row) => row.minTermShare))];
    lines.push(`${'floor'.padEnd(8)}${shares.map((share) => `share > ${share}`.padStart(26)).join('')}`);
    for (const floor of [...new Set(report.calibration.map((row) => row.similarityFloor))]) {
      const cells = shares.map((share) => {
        const row = report.calibration!.find((r) => r.similarityFloor === floor && r.minTermShare === share)!;
        return `${row.recallAt10.toFixed(3)} ${percent(row.heldOutFalseHits, 0)} ${percent(row.nonsenseFalseHits, 0)}`.padStart(26);
      });
      lines.push(`${String(floor).padEnd(8)}${cells.join('')}`);
    }
  }
  return lines.join('\n');
}

const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
