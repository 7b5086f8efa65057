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
  return excerptOf(text, queryStems, { maxChars }).snippet;
}

export interface ExcerptOptions {
  maxChars?: number;
  /** Only this part of the text, [start, end): one speaker's turn. */
  within?: readonly [number, number];
  /**
   * Offsets where a speaker's turn begins: the excerpt never opens inside a turn before the one
   * holding its first match, so it does not begin with words of someone the hit is not about.
   */
  turnStarts?: readonly number[];
}

export interface Excerpt {
  snippet: string;
  /** The part of the text shown, [from, to). */
  from: number;
  to: number;
  /** Offsets of the matched words shown. */
  matched: readonly { start: number; end: number }[];
}

/** The snippet with where it stands in the text (see snippetFor). */
export function excerptOf(text: string, queryStems: ReadonlySet<string>, options: ExcerptOptions = {}): Excerpt {
  const maxChars = options.maxChars ?? DEFAULT_SNIPPET_CHARS;
  const [lower, upper] = options.within ?? [0, text.length];
  // Same length, so offsets in `source` are offsets in `text`.
  const source = text.slice(0, Math.min(upper, text.length)).replaceAll(HIGHLIGHT_OPEN, '"').replaceAll(HIGHLIGHT_CLOSE, '"');
  const matches = contentTerms(source).filter((term) => term.start >= lower && queryStems.has(term.stem));
  let from: number;
  let to: number;
  if (matches.length === 0) {
    from = Math.min(lower, source.length);
    to = endOfWordAt(source, Math.min(source.length, from + maxChars), from);
  } else {
    const stretch = densestStretch(matches, maxChars);
    const turnStart = Math.max(lower, ...(options.turnStarts ?? []).filter((start) => start <= stretch[0]!.start));
    [from, to] = excerptAround(source, stretch, maxChars, turnStart);
  }
  const shown = matches.filter((term) => term.start >= from && term.end <= to);
  const excerpt = markMatches(source, shown, from, to).replace(/\s+/g, ' ').trim();
  return { snippet: `${from > 0 ? ELLIPSIS : ''}${excerpt}${to < text.length ? ELLIPSIS : ''}`, from, to, matched: shown };
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

/** Character range of at most `maxChars` with the stretch in its middle, not cutting words nor opening before `floor`. */
function excerptAround(text: string, stretch: readonly ContentTerm[], maxChars: number, floor: number): [number, number] {
  const spanStart = stretch[0]!.start;
  const spanEnd = stretch[stretch.length - 1]!.end;
  const padding = Math.max(0, Math.floor((maxChars - (spanEnd - spanStart)) / 2));
  let from = Math.max(floor, spanStart - padding);
  const to = Math.min(text.length, from + maxChars);
  from = Math.max(floor, Math.min(from, to - maxChars));
  return [from === floor ? from : startOfWordAt(text, from, spanStart), endOfWordAt(text, to, spanEnd)];
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
