import type { SearchDocument, SpeakerTurn } from '../ports/VectorIndex.js';
import { excerptOf } from './snippet.js';

const folded = (name: string): string => name.normalize('NFKC').toLocaleLowerCase('en');

/**
 * Who speaks where in a document: its turns, or — for kinds without speakers' lines and for
 * documents indexed before turns were kept — its main speaker over the whole text.
 */
export function turnsOf(document: Pick<SearchDocument, 'text' | 'speaker' | 'turns'>): SpeakerTurn[] {
  if (document.turns !== undefined && document.turns.length > 0) return document.turns;
  return document.speaker === null ? [] : [{ speaker: document.speaker, start: 0, end: document.text.length }];
}

/** A speaker filter: part of a name or label, case-insensitive ("industrial" is "Industrial Designer"). */
export function speakerFilter(wanted: string): (speaker: string) => boolean {
  const part = folded(wanted.trim());
  return (speaker) => folded(speaker).includes(part);
}

/** Whether anyone the filter names speaks anywhere in the document. */
export const isSpokenBy = (document: Pick<SearchDocument, 'text' | 'speaker' | 'turns'>, matches: (speaker: string) => boolean): boolean =>
  turnsOf(document).some((turn) => matches(turn.speaker));

export interface SpeakerExcerpt {
  snippet: string;
  /** The speakers of the text the snippet shows, in order, once each. */
  speakers: string[];
}

/**
 * The snippet of a hit and whose words it shows. With a speaker filter, the snippet comes from
 * that speaker's turn with the most query words, so a hit found for "Industrial Designer" shows
 * what the Industrial Designer said. Without one, it never opens in a turn before the first
 * match, and is labelled with every speaker whose turn it shows.
 */
export function speakerExcerpt(
  document: Pick<SearchDocument, 'text' | 'speaker' | 'turns'>,
  queryStems: ReadonlySet<string>,
  matches?: (speaker: string) => boolean,
): SpeakerExcerpt {
  const turns = turnsOf(document);
  const candidates = matches === undefined ? [] : turns.filter((turn) => matches(turn.speaker));
  if (candidates.length > 0) {
    const excerpts = candidates.map((turn) => ({ turn, excerpt: excerptOf(document.text, queryStems, { within: [turn.start, turn.end] }) }));
    const distinct = (matched: readonly { start: number; end: number }[]) => new Set(matched.map(({ start, end }) => document.text.slice(start, end).toLowerCase())).size;
    // The first turn with the most distinct matched words (reduce keeps the earlier on a tie).
    const best = excerpts.reduce((a, b) => (distinct(b.excerpt.matched) > distinct(a.excerpt.matched) ? b : a));
    return { snippet: best.excerpt.snippet, speakers: [best.turn.speaker] };
  }
  const excerpt = excerptOf(document.text, queryStems, { turnStarts: turns.map((turn) => turn.start) });
  const shown = turns.filter((turn) => turn.start < excerpt.to && turn.end > excerpt.from).map((turn) => turn.speaker);
  return { snippet: excerpt.snippet, speakers: [...new Set(shown)] };
}
