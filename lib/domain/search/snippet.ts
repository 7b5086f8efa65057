import { contentTerms, type ContentTerm } from './analyzeText.js';

/** Marks around each matched word in a snippet: "the «remote control» casing". */
export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';
const ELLIPSIS = '…';

export const DEFAULT_SNIPPET_CHARS = 200;

/**
 * A short excerpt of `text` around the stretch with the most distinct query terms, each matched
 * word wrapped in «…» (adjacent matched words share one pair of marks). Matching is by stem, so
 * "emails" in the text is marked for "email" in the query. Guillemets already in the text become
 * plain quotes, so every « » in a snippet is a mark. Without any match, the text's opening.
 */
export function snippetFor(text: string, queryStems: ReadonlySet<string>, maxChars: number = DEFAULT_SNIPPET_CHARS): string {
  const source = text.replaceAll(HIGHLIGHT_OPEN, '"').replaceAll(HIGHLIGHT_CLOSE, '"');
  const matches = contentTerms(source).filter((term) => queryStems.has(term.stem));
  const [from, to] =
    matches.length === 0 ? [0, endOfWordAt(source, Math.min(source.length, maxChars), 0)] : excerptAround(source, densestStretch(matches, maxChars), maxChars);
  const marked = markMatches(source, matches, from, to);
  const excerpt = marked.replace(/\s+/g, ' ').trim();
  return `${from > 0 ? ELLIPSIS : ''}${excerpt}${to < source.length ? ELLIPSIS : ''}`;
}

/** The query terms of a search, as the stems the snippet matches against. */
export const queryStemsOf = (query: string): Set<string> => new Set(contentTerms(query).map((term) => term.stem));

/** The run of matches fitting in `maxChars` with the most distinct stems, then the most matches. */
function densestStretch(matches: readonly ContentTerm[], maxChars: number): readonly ContentTerm[] {
  let best: readonly ContentTerm[] = matches.slice(0, 1);
  let bestDistinct = 1;
  for (let first = 0; first < matches.length; first++) {
    const start = matches[first]!.start;
    let last = first;
    while (last + 1 < matches.length && matches[last + 1]!.end - start <= maxChars) last++;
    const stretch = matches.slice(first, last + 1);
    const distinct = new Set(stretch.map((term) => term.stem)).size;
    if (distinct > bestDistinct || (distinct === bestDistinct && stretch.length > best.length)) {
      best = stretch;
      bestDistinct = distinct;
    }
  }
  return best;
}

/** Character range of at most `maxChars` with the stretch in its middle, not cutting words. */
function excerptAround(text: string, stretch: readonly ContentTerm[], maxChars: number): [number, number] {
  const spanStart = stretch[0]!.start;
  const spanEnd = stretch[stretch.length - 1]!.end;
  const padding = Math.max(0, Math.floor((maxChars - (spanEnd - spanStart)) / 2));
  let from = Math.max(0, spanStart - padding);
  const to = Math.min(text.length, from + maxChars);
  from = Math.max(0, Math.min(from, to - maxChars));
  return [startOfWordAt(text, from, spanStart), endOfWordAt(text, to, spanEnd)];
}

// Moves a cut that falls inside a word to the word's far side, never past the matches themselves.
function startOfWordAt(text: string, from: number, limit: number): number {
  if (from === 0 || /\s/.test(text[from - 1]!)) return from;
  const space = text.slice(from, limit).search(/\s/);
  return space === -1 ? from : from + space + 1;
}

function endOfWordAt(text: string, to: number, limit: number): number {
  if (to >= text.length || /\s/.test(text[to]!)) return to;
  const space = text.slice(limit, to).search(/\s\S*$/);
  return space === -1 ? to : limit + space;
}

/** Copies text[from, to) with «…» around matched words inside it. */
function markMatches(text: string, matches: readonly ContentTerm[], from: number, to: number): string {
  const inside = matches.filter((term) => term.start >= from && term.end <= to);
  let out = '';
  let cursor = from;
  inside.forEach((term, index) => {
    const previous = inside[index - 1];
    const joinsPrevious = previous !== undefined && /^\s+$/.test(text.slice(previous.end, term.start));
    if (joinsPrevious) {
      out = out.slice(0, -HIGHLIGHT_CLOSE.length) + text.slice(previous.end, term.end) + HIGHLIGHT_CLOSE;
    } else {
      out += text.slice(cursor, term.start) + HIGHLIGHT_OPEN + text.slice(term.start, term.end) + HIGHLIGHT_CLOSE;
    }
    cursor = term.end;
  });
  return out + text.slice(cursor, to);
}
