// ICSI transcripts detach clitics ("that 's", "don 't"); rejoin them so they tokenise like "that's".
const DETACHED_CLITIC = /(\w)\s+'(s|re|ll|ve|d|m|t)\b/gi;
// AMI spells letters of acronyms with underscores ("T_V_", "L_C_D_"): read them as one word.
const SPELLED_ACRONYM = /\b(?:[A-Za-z]_)+/g;
// Some transcripts drop the space after a title ("Mr.Chair"), which also hides the sentence break.
const GLUED_TITLE = /\b(Mr|Mrs|Ms|Dr|Hon)\.(?=\p{Lu})/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Undoes transcription conventions that would split or garble words; keeps everything else as is. */
export function normalizeTranscriptConventions(text: string): string {
  return text
    .replace(SPELLED_ACRONYM, (match) => match.replace(/_/g, ''))
    .replace(DETACHED_CLITIC, "$1'$2")
    .replace(GLUED_TITLE, '$1. ');
}

/** Words (letters, digits, inner apostrophes) as written, in order. */
export function wordsOf(text: string): string[] {
  return (normalizeTranscriptConventions(text).match(WORD) ?? []).map((word) => word.replace(/’/g, "'"));
}

/** Lower-cased word tokens, in order: the form every comparison uses. */
export function tokenize(text: string): string[] {
  return wordsOf(text).map((word) => word.toLowerCase());
}
