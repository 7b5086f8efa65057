// Abbreviations whose full stop does not end a sentence; parliamentary transcripts are full of "Mr." and "Hon.".
const ABBREVIATION = /(?:^|\s)(?:mr|mrs|ms|dr|hon|st|prof|sr|jr|vs|etc|e\.g|i\.e|no|approx|dept|govt)\.$/i;
const SENTENCE_END = /[.!?]+["')\]]*\s+/g;

/** Splits one speaker turn into sentences at ". ", "? " and "! ", not after common abbreviations. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    const candidate = text.slice(start, end).trim();
    if (ABBREVIATION.test(candidate)) continue;
    if (candidate.length > 0) sentences.push(candidate);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}
