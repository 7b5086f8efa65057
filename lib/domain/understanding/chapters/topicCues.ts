/**
 * Phrases with which people open a new topic in a meeting: moving on, the next item, the agenda,
 * a presentation, "let's talk about", the chair handing over questions on a subject, and the
 * closing ("let's wrap up", "the next meeting"). Chosen from
 * the discourse-cue literature (Passonneau and Litman 1997; Galley et al. 2003) and checked on the
 * tuning part of the reference meetings, where an utterance saying one of them lies near a
 * reference chapter boundary about twice as often as an utterance taken at random.
 */
const TOPIC_CUE = new RegExp(
  [
    String.raw`\b(move|moving|go|going) on\b`,
    String.raw`\bnext (thing|item|topic|point|question|presentation|one|part|issue|section|step)\b`,
    String.raw`\bagenda\b`,
    String.raw`\bpresentation\b`,
    String.raw`\blet'?s (talk|discuss|start|go|move|turn|look|begin)\b`,
    String.raw`\btalk about\b`,
    String.raw`\bquestions? (from|on|about)\b`,
    String.raw`\b(first|second|third|last|final)(ly)? (thing|item|point|question|topic)\b`,
    String.raw`\bturn(ing)? to\b`,
    String.raw`\b(wrap (it |this |things )?up|next meeting|any other business|close the meeting|end of (the|this|our) meeting)\b`,
  ].join('|'),
  'i',
);

/** True when the utterance says something people say to open a new topic. */
export const opensTopic = (text: string): boolean => TOPIC_CUE.test(text);
