import { describe, expect, it } from 'vitest';
import { benchSection, GENERATED_END, GENERATED_START, withGeneratedSection, type MachineFacts } from '../../lib/bench/benchDocs.js';

const FACTS: MachineFacts = { date: '2026-11-30T01:00:00.000Z', cores: 2, cpu: 'AMD EPYC', memoryGb: 7.8, load: [5.81, 9.43, 14.5], node: 'v20.20.0', platform: 'linux x64' };
const HAND_WRITTEN = '## Archive search at scale\n\nMeasured by hand at 10,000 meetings: p95 41 ms.\n';

describe('the generated figures in docs/benchmarks.md', () => {
  it("says on which machine, how loaded and with which command the run's output was printed", () => {
    const section = benchSection(['throughput            0.42 s per meeting-hour   ', ''], FACTS, 'npm run bench -- --write-docs');
    expect(section).toBe(
      [
        '## Last `npm run bench` (generated)',
        '',
        '`npm run bench -- --write-docs`, finished 2026-11-30T01:00:00.000Z: 2 cores (AMD EPYC), 7.8 GB, load average 5.81, 9.43, 14.50 (1, 5, 15 min), Node v20.20.0, linux x64.',
        '',
        '```text',
        'throughput            0.42 s per meeting-hour',
        '',
        '```',
      ].join('\n'),
    );
  });

  it('adds the section after the title the first time, and replaces only it afterwards, leaving the hand-written figures as they were', () => {
    const doc = `# Benchmarks\n\n${HAND_WRITTEN}`;
    const first = withGeneratedSection(doc, 'run one');
    expect(first).toBe(`# Benchmarks\n\n${GENERATED_START}\nrun one\n${GENERATED_END}\n\n${HAND_WRITTEN}`);

    const second = withGeneratedSection(first, 'run two\n');
    expect(second).toBe(`# Benchmarks\n\n${GENERATED_START}\nrun two\n${GENERATED_END}\n\n${HAND_WRITTEN}`);
    expect(second.split(GENERATED_START)).toHaveLength(2);
  });

  it('refuses to write over a document whose markers are not a pair', () => {
    expect(() => withGeneratedSection(`# B\n${GENERATED_START}\nold\n`, 'new')).toThrow(/not a pair/);
    expect(() => withGeneratedSection(`# B\n${GENERATED_END}\nold\n${GENERATED_START}\n`, 'new')).toThrow(expect.objectContaining({ name: 'BenchDocsError' }));
  });
});
