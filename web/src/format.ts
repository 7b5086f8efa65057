// The one clock-time formatter (83_000 → "1:23", an hour or more → "1:02:03"), shared with the CLI, exports and prompts.
export { clockTime as formatTime } from '../../lib/domain/clockTime.js';

/** A readable local date and time; the raw value if it does not parse. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Splits a search snippet into plain and matched parts: the API wraps matches in «…».
 * The caller renders matched parts as <mark> text nodes, never as markup.
 */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const pattern = /«([^«»]*)»/g;
  let last = 0;
  for (let found = pattern.exec(snippet); found !== null; found = pattern.exec(snippet)) {
    if (found.index > last) parts.push({ text: snippet.slice(last, found.index), match: false });
    parts.push({ text: found[1] ?? '', match: true });
    last = found.index + found[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

export const KIND_LABELS: Record<string, string> = {
  transcript: 'Transcript',
  summary: 'Summary',
  action_item: 'Action item',
  chapter: 'Chapter',
};

/** "fr" → "French" where the browser knows the language; the code otherwise. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
