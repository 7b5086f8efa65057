// Words that open a spoken sentence without adding to it ("Okay, so, um, we need ...").
const LEADING_MARKERS = /^(?:(?:okay|ok|so|and|well|right|yeah|yes|alright|now|then|but|also|anyway|oh|um|uh|like|actually|basically)\b[,.]?\s+)+/i;

/** Drops the discourse markers a spoken sentence starts with, and capitalises what is left. */
export function trimDiscourseMarkers(sentence: string): string {
  const trimmed = sentence.replace(LEADING_MARKERS, '');
  const text = trimmed.length > 0 ? trimmed : sentence;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
