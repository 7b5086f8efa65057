import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, queryStemsOf, snippetFor } from '../../../lib/domain/search/snippet.js';

const filler = (words: number): string => Array.from({ length: words }, (_, index) => `word${index}`).join(' ');
const marked = (snippet: string): string[] => [...snippet.matchAll(/«([^»]*)»/g)].map((match) => match[1]!);

describe('snippetFor', () => {
  it('marks the matched words as written, matching by stem', () => {
    const snippet = snippetFor('Laura: Did everyone get the Emails about the budget?', queryStemsOf('email budget'));
    expect(marked(snippet)).toEqual(['Emails', 'budget']);
    expect(snippet).toBe('Laura: Did everyone get the «Emails» about the «budget»?');
  });

  it('marks adjacent matched words as one phrase', () => {
    const snippet = snippetFor('We need a new remote control soon.', queryStemsOf('remote controls'));
    expect(marked(snippet)).toEqual(['remote control']);
  });

  it('centres a short excerpt on the densest stretch of query terms, with ellipses where cut', () => {
    const text = `${filler(60)} battery here ${filler(30)} the battery and the casing cost together ${filler(60)}`;
    const snippet = snippetFor(text, queryStemsOf('battery casing cost'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.replaceAll(HIGHLIGHT_OPEN, '').replaceAll(HIGHLIGHT_CLOSE, '').length).toBeLessThanOrEqual(202);
    expect(marked(snippet)).toEqual(expect.arrayContaining(['battery', 'casing cost']));
    // Words are never cut in half at the edges.
    for (const word of snippet.replace(/^…|…$/g, '').replace(/[«»]/g, '').split(' ')) expect(word).toMatch(/^(word\d+|battery|here|the|and|casing|cost|together)$/);
  });

  it('falls back to the opening of the text when nothing matches', () => {
    const text = `Opening words ${filler(100)}`;
    const snippet = snippetFor(text, queryStemsOf('unrelated'));
    expect(snippet.startsWith('Opening words')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(marked(snippet)).toEqual([]);
  });

  it('keeps a short text whole and collapses line breaks', () => {
    expect(snippetFor('Ann: the budget\nBen: agreed', queryStemsOf('budget'))).toBe('Ann: the «budget» Ben: agreed');
  });

  it('turns guillemets in the text into plain quotes so every mark is a match', () => {
    const snippet = snippetFor('He said «cheap» about the casing.', queryStemsOf('casing'));
    expect(marked(snippet)).toEqual(['casing']);
  });
});
