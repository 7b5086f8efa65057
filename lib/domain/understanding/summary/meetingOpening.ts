import type { TranscriptSentence } from '../transcriptSentences.js';

export interface OpeningLine {
  text: string;
  utteranceIds: string[];
}

// The chair names the meeting as it opens: "Welcome to meeting number 22 of the … Committee", "this is the kick-off meeting for our project".
const WELCOME = /\bwelcome (?:back )?(?:everyone |all |you all )?to (?:this |today's )?(.+?)(?:,? (?:this|today|everyone|everybody)\b.*)?[.!]$/i;
const THIS_IS = /\bthis is (?:the|our|a|an) ((?:[\w-]+ ){0,6}(?:meeting|session|hearing|sitting|committee)\b.*?)[.!]?$/i;
// "Item 2 this morning is the Children (…) Bill": what the meeting took up.
const AGENDA_ITEM = /^(?:so,? |okay,? )?(?:the )?(?:next |first )?item (?:\d+|one|two|three|four|five)(?: on the agenda)?(?: this (?:morning|afternoon)| today)? is (?:our |the )?(.+?)[.!]$/i;
// "We'll proceed to statements by members": a part of the proceedings, not a person ("… to Mr. Genuis").
const PROCEED = /\bwe(?:'ll| will| shall)? (?:now )?(?:proceed|move on|go|turn) (?:now )?to ((?:the )?[a-z][a-z -]+?)[.!]$/i;
const PERSON_TITLE = /^(?:the )?(?:hon|mr|mrs|ms|dr|minister|member|honourable)\b/i;
const MAX_WORDS = 30;
const MAX_PROCEEDINGS = 4;
const OPENING_SENTENCES = 40;

const words = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
const ourToTheir = (text: string): string => text.replace(/\bour\b/gi, 'their').replace(/\bus\b/gi, 'them').replace(/\bwe\b/gi, 'they');
const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`);

/**
 * What the meeting was, as its chair announced it, in the notes' past tense: "This was meeting
 * number 22 of the House of Commons Special Committee on the COVID-19 Pandemic.", "This was the
 * kick-off meeting for their project.", then the item it took up ("They took up the Children
 * (…) Bill.") and the parts the chair walked them through ("The meeting went through presenting
 * petitions, statements by members and the questioning of ministers."). People who read minutes
 * look for exactly these; a meeting whose chair says none of them gets no such lines.
 */
export function meetingOpening(sentences: readonly TranscriptSentence[]): OpeningLine[] {
  const lines: OpeningLine[] = [];
  for (const sentence of sentences.slice(0, OPENING_SENTENCES)) {
    const named = WELCOME.exec(sentence.clean)?.[1] ?? THIS_IS.exec(sentence.clean)?.[1];
    if (named === undefined || words(named) > MAX_WORDS || words(named) < 2) continue;
    const meeting = /(?:meeting|session|hearing|sitting)\b/i.test(named) ? named.replace(/^(?:the )?/i, 'the ').replace(/^the (meeting number)/i, '$1') : `a meeting of ${named.replace(/^the /i, 'the ')}`;
    lines.push({ text: `This was ${ourToTheir(meeting)}.`, utteranceIds: sentence.utteranceIds });
    break;
  }
  for (const sentence of sentences.slice(0, OPENING_SENTENCES)) {
    const item = AGENDA_ITEM.exec(sentence.clean)?.[1];
    if (item === undefined || words(item) > MAX_WORDS) continue;
    lines.push({ text: `They took up ${ourToTheir(/^(?:the|a|an)\b/i.test(item) ? item : `the ${item}`)}.`, utteranceIds: sentence.utteranceIds });
    break;
  }
  const parts: { phrase: string; utteranceIds: string[] }[] = [];
  for (const sentence of sentences) {
    const phrase = PROCEED.exec(sentence.clean)?.[1]?.trim();
    if (phrase === undefined || PERSON_TITLE.test(phrase) || words(phrase) > 6 || parts.some((part) => part.phrase === phrase)) continue;
    parts.push({ phrase, utteranceIds: sentence.utteranceIds });
    if (parts.length >= MAX_PROCEEDINGS) break;
  }
  if (parts.length >= 2) {
    lines.push({ text: `The meeting went through ${list(parts.map((part) => part.phrase))}.`, utteranceIds: [...new Set(parts.flatMap((part) => part.utteranceIds))] });
  }
  return lines;
}
