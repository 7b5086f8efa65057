/** What `CitedLines` reads out of an answer written one cited sentence per line. */
export type CitedLineEvent = { type: 'sentence'; ids: string[] } | { type: 'text'; text: string } | { type: 'noAnswer' };

/** What the model is asked to write when the passages do not answer the question. */
export const NO_ANSWER_MARK = 'NO_ANSWER';

// "[1][3] " or "[1, 3] " at the start of a line; the ids are the passages' own ("1", "2", …).
const LEADING_CITATIONS = /^\s*((?:\[\s*\d+(?:\s*,\s*\d+)*\s*\]\s*)+)/;
const ANY_CITATION = /\[\s*\d+(?:\s*,\s*\d+)*\s*\]/g;

const idsIn = (text: string): string[] => [...text.matchAll(/\d+/g)].map((match) => String(Number(match[0])));

/**
 * Reads an answer streamed as lines of the form `[1][3] The team chose a rubber case.` and
 * turns it into sentence and text events as soon as each is known: a line's citations are known
 * once its leading brackets close, so its words can stream from there. A line that does not open
 * with citations (a model that put them at the end) is held whole and its citations read from
 * anywhere in it. Feed it chunks of any size, then `end()`.
 */
export class CitedLines {
  #line = '';
  /** Citations of the current line are known and its words are being passed through. */
  #streaming = false;

  push(chunk: string): CitedLineEvent[] {
    const events: CitedLineEvent[] = [];
    for (const part of chunk.split(/(\n)/)) {
      if (part === '\n') events.push(...this.#endLine());
      else if (part.length > 0) events.push(...this.#take(part));
    }
    return events;
  }

  end(): CitedLineEvent[] {
    return this.#endLine();
  }

  #take(text: string): CitedLineEvent[] {
    if (this.#streaming) return [{ type: 'text', text }];
    this.#line += text;
    const trimmed = this.#line.trimStart();
    // Still inside the opening brackets (or before them): wait for more.
    if (trimmed === '' || /^(?:\[[\d,\s]*\]?\s*)+$/.test(trimmed)) return [];
    const leading = LEADING_CITATIONS.exec(this.#line);
    if (leading === null) return [];
    this.#streaming = true;
    const rest = this.#line.slice(leading[0].length);
    this.#line = '';
    return [{ type: 'sentence', ids: idsIn(leading[1] ?? '') }, ...(rest.length > 0 ? [{ type: 'text' as const, text: rest }] : [])];
  }

  #endLine(): CitedLineEvent[] {
    const held = this.#line;
    const wasStreaming = this.#streaming;
    this.#line = '';
    this.#streaming = false;
    if (wasStreaming) return [];
    const text = held.trim();
    if (text === '') return [];
    if (text.replace(/[^A-Z_]/g, '') === NO_ANSWER_MARK) return [{ type: 'noAnswer' }];
    const ids = [...new Set([...text.matchAll(ANY_CITATION)].flatMap((match) => idsIn(match[0])))];
    const words = text.replace(ANY_CITATION, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
    return words === '' ? [] : [{ type: 'sentence', ids }, { type: 'text', text: words }];
  }
}
