import type { ArchiveSearchReport } from './archiveSearch.js';

const cell = (value: number, width = 7) => value.toFixed(3).padStart(width);
const percent = (value: number, width = 9) => `${(value * 100).toFixed(1)} %`.padStart(width);

/** The archive search table: rankings with their recall and false-hit rates, baselines beside them. */
export function formatArchiveSearch(report: ArchiveSearchReport, dir: string): string {
  const product = report.rankers[0]!;
  const before = report.rankers[1]!;
  const header = `${'ranking'.padEnd(36)}${'R@1'.padStart(7)}${'R@5'.padStart(7)}${'R@10'.padStart(7)}${'MRR@10'.padStart(7)}${'held-out'.padStart(10)}${'nonsense'.padStart(10)}`;
  const lines = [
    `Archive search (${report.embedder}, LanceDB): ${report.meetings} meetings of ${dir} in one archive, transcript passages only (${report.passages}), indexed in ${report.indexSeconds.toFixed(0)} s`,
    `Rule: a vector neighbour counts at cosine ≥ ${report.rule.similarityFloor}, a passage by its words when it holds > ${report.rule.minTermShare * 100} % of the query's content words.`,
    `Reported on the ${report.reportMeetings} meetings not used to calibrate (1 in 3 calibrates): ${report.questionsAsked} of their ${report.questionsAvailable} answerable questions, evenly spread;`,
    `no-answer: ${report.heldOutQueries} questions of ${report.heldOutMeetings} meetings held out of the archive (searched with those meetings filtered away) and ${report.nonsenseQueries} nonsense queries.`,
    '',
    `${''.padEnd(64)}  false-hit rate`,
    header,
    ...report.rankers.map(
      (ranker) =>
        `${ranker.name.padEnd(36)}${cell(ranker.scores.recallAt1)}${cell(ranker.scores.recallAt5)}${cell(ranker.scores.recallAt10)}${cell(ranker.scores.mrrAt10)}${percent(ranker.heldOutFalseHits, 10)}${percent(ranker.nonsenseFalseHits, 10)}`,
    ),
    `${'random passages (expected)'.padEnd(36)}${cell(report.random.recallAt1)}${cell(report.random.recallAt5)}${cell(report.random.recallAt10)}${cell(report.random.mrrAt10)}`,
    '',
    `Recall cost of the rule: R@10 ${before.scores.recallAt10.toFixed(3)} → ${product.scores.recallAt10.toFixed(3)} (${signed(product.scores.recallAt10 - before.scores.recallAt10)}), MRR@10 ${signed(product.scores.mrrAt10 - before.scores.mrrAt10)};` +
      ` false hits on held-out questions ${percent(before.heldOutFalseHits, 0)} → ${percent(product.heldOutFalseHits, 0)}, on nonsense ${percent(before.nonsenseFalseHits, 0)} → ${percent(product.nonsenseFalseHits, 0)}.`,
    `By source (product ranking): ${report.bySource.map((s) => `${s.source} R@10 ${s.recallAt10.toFixed(3)}, MRR@10 ${s.mrrAt10.toFixed(3)} (${s.questions} q.)`).join('; ')}.`,
    'R@k: share of questions with a passage of the right meeting citing an utterance of the reference span in the top k. A held-out question about a meeting on the same',
    'topics as others (AMI design meetings, ICSI research meetings) often has a true near-answer elsewhere, so its false-hit rate is an upper bound of the wrong answers.',
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
