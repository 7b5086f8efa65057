import { describe, expect, it } from 'vitest';
import { CitedLines, type CitedLineEvent } from '../../../lib/domain/ask/citedLines.js';

/** Feeds the text in pieces of `size` characters, as a stream would. */
function read(text: string, size: number): CitedLineEvent[] {
  const lines = new CitedLines();
  const events: CitedLineEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...lines.push(text.slice(i, i + size)));
  return [...events, ...lines.end()];
}

/** Sentences as [ids, text], whatever the pieces were. */
function sentencesOf(events: readonly CitedLineEvent[]): [string[], string][] {
  const out: [string[], string][] = [];
  for (const event of events) {
    if (event.type === 'sentence') out.push([event.ids, '']);
    else if (event.type === 'text') out[out.length - 1]![1] += event.text;
  }
  return out;
}

describe('CitedLines', () => {
  const answer = '[1][3] The team chose a rubber case.\n[2, 4] Laura will send the costs by Friday.\n';

  it.each([1, 3, 7, 1000])('reads leading citations and words alike in pieces of %i characters', (size) => {
    expect(sentencesOf(read(answer, size))).toEqual([
      [['1', '3'], 'The team chose a rubber case.'],
      [['2', '4'], 'Laura will send the costs by Friday.'],
    ]);
  });

  it('opens a sentence as soon as its citations close, before its words arrive', () => {
    const lines = new CitedLines();
    expect(lines.push('[1]')).toEqual([]);
    expect(lines.push('[2] The')).toEqual([{ type: 'sentence', ids: ['1', '2'] }, { type: 'text', text: 'The' }]);
  });

  it('holds a line with its citations at the end and reads them from anywhere in it', () => {
    expect(sentencesOf(read('The budget is twelve euros [2].\nNobody objected [1][5]\n', 4))).toEqual([
      [['2'], 'The budget is twelve euros.'],
      [['1', '5'], 'Nobody objected'],
    ]);
  });

  it('gives a line with no citations no ids, so it can be dropped', () => {
    expect(read('Rubber is cheaper.', 5)).toEqual([{ type: 'sentence', ids: [] }, { type: 'text', text: 'Rubber is cheaper.' }]);
  });

  it('recognises the no-answer mark, and ignores blank lines', () => {
    expect(read('\n\nNO_ANSWER\n', 2)).toEqual([{ type: 'noAnswer' }]);
  });
});
