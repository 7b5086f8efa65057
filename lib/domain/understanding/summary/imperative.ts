// Verbs people give as instructions in meetings ("Design a new remote control", "Send me the figures").
// Many are nouns too ("design", "plan"): the word after the verb decides (see OBJECT_START).
const IMPERATIVE_VERBS = new Set([
  'add', 'aim', 'ask', 'avoid', 'bear', 'book', 'bring', 'build', 'buy', 'call', 'change', 'check', 'choose', 'collect',
  'come', 'compare', 'complete', 'consider', 'contact', 'create', 'cut', 'decide', 'define', 'design', 'develop', 'do',
  'draw', 'drop', 'email', 'e-mail', 'find', 'finish', 'fill', 'focus', 'follow', 'forget', 'forward', 'get', 'give',
  'go', 'have', 'imagine', 'include', 'keep', 'leave', 'let', 'list', 'look', 'make', 'mail', 'make', 'note', 'order',
  'pick', 'plan', 'prepare', 'present', 'put', 'read', 'remember', 'remove', 'research', 'review', 'send', 'set',
  'share', 'show', 'sign', 'start', 'stick', 'summarise', 'summarize', 'take', 'tell', 'test', 'think', 'try', 'turn',
  'update', 'upload', 'use', 'wait', 'watch', 'work', 'write',
]);
// What follows a verb given as an instruction: an object, a particle or an adverb, not "is" or "shows"
// ("Design a remote" is an instruction; "Design is key" is not).
const OBJECT_START =
  /^(?:a|an|the|it|this|that|these|those|them|your|our|some|any|all|every|each|one|two|three|up|out|about|on|off|in|into|at|to|over|through|back|down|around|with|for|me|us|him|her|something|everything|anything|more|what|how|whether|if|sure|ahead|care|together|carefully|quickly|first)\b/i;
// What opens a sentence before the instruction: "So", "Okay, now", "And please".
const LEAD_IN = /^(?:(?:um|uh|er|oh|yeah|yes|so|and|now|okay|ok|right|alright|well|then|just|also|first|next|basically)\s*,?\s+)*/i;

/**
 * An instruction retold as a request to the group: "Design a new remote control" → "asked the
 * group to design a new remote control"; "Don't forget the budget" → "asked the group not to forget
 * the budget"; "Remember to send it" → "reminded the group to send it". Null when the sentence is
 * not an instruction. The caller puts the speaker before it.
 */
export function retellImperative(sentence: string): string | null {
  const body = sentence.replace(LEAD_IN, '');
  const instruction = /^(?:please\s+)?(?:(don't|do not|never)\s+)?([a-z-]+)\s+(.+)$/i.exec(body);
  if (instruction === null) return null;
  const [, negation, verbWord, rest] = instruction;
  const verb = (verbWord ?? '').toLowerCase();
  if (!IMPERATIVE_VERBS.has(verb) || rest === undefined || !OBJECT_START.test(rest)) return null;
  // A capital mid-sentence after "please" would be odd; the verb starts lower case in the retelling.
  const task = `${verb} ${rest}`.replace(/\byour\b/gi, 'their').replace(/\byourselves\b/gi, 'themselves').replace(/\byou\b/gi, 'them');
  if (verb === 'remember' && /^to\s+/i.test(rest)) return `reminded the group ${rest}`;
  return negation === undefined ? `asked the group to ${task}` : `asked the group not to ${task}`;
}
