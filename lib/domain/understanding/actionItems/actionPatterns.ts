/** Who a spoken action is put on, as the sentence's grammar says. */
export type ActionKind =
  /** "I'll send the specs": the speaker commits. */
  | 'commitment'
  /** "I can send it round": the speaker offers; weaker, since "I can" also just states ability. */
  | 'offer'
  /** "Can you look into the battery?", "you'll do the costing": someone present is asked. */
  | 'request'
  /** "Please send it": a request too, but as often procedure ("please proceed"): needs follow-up work. */
  | 'please'
  /** "David will draw up the budget": a named person is given it. */
  | 'assignment'
  /** "We need to book the room", "let's ...", "make sure ...": the group, nobody in particular. */
  | 'group'
  /** "Action item: ...": said to be one outright. */
  | 'explicit';

export interface ActionMatch {
  kind: ActionKind;
  /** Where the action's wording starts in the sentence (including its subject or addressee). */
  start: number;
  /** What is to be done, after the trigger. */
  action: string;
  /** A person named as the one to do it, as written. */
  named: string | null;
}

/** What the patterns need to know about names: whether a capitalised word is a person here. */
export interface NameTest {
  /** A name the meeting itself establishes: a speaker's, or one used to introduce or address someone. */
  isKnownName(word: string): boolean;
  /** A word that could be a name where the grammar expects one (always capitalised, not a common word). */
  couldBeName(word: string): boolean;
}

const NAME = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";

const EXPLICIT = /\b(?:action items?|to-?dos?|follow[- ]ups?)\s*(?:for\s+\w+\s*)?[:\-–]\s*(.+)/i;
const COMMITMENT =
  /\b(?:I(?:'ll| will| shall)(?: (?:also|just|then|definitely|probably|certainly|now))?(?: need to| have to| try to)?|I'm (?:(?:also|probably|just) )?(?:going to|gonna)|I am going to|I was (?:going to|gonna)|I need to|I have to|I've got to|I'm supposed to)[,\s]+(.+)/i;
const OFFER = /\bI (?:can|could)(?: (?:also|just|probably|certainly))?\s+(.+)/i;
const REQUEST =
  /\b(?:(?:can|could|would|will) you(?: please| also| just| all)*|you(?:'ll| will)(?: (?:also|just|then|all))?(?: be(?=(?: just| also| all)? \w+ing\b)| need to| have to)?|(?:each|all|both|every one) of you (?:should|will|need to|have to|must)|you(?:'re| are) (?:going to|gonna)(?: be(?=(?: just| also| all)? \w+ing\b))?|I'd like you to|I want you to|I need you to|if (?:you|everyone|everybody|each of you) could)\s+(.+)/i;
// "Please ..." alone is as often a chair's procedure or a rhetorical demand as a request: weaker.
const PLEASE = /(?:^|[,;]\s*)(?:(?:and|so|okay|ok|now)\s*,?\s+)?please\s+(.+)/i;
const ASSIGNMENT = new RegExp(`\\b(${NAME})(?:'ll| will| is going to| needs to| has to| should| can)\\s+(.+)`);
// "John to send the deck": the shorthand of written action items.
const NAMED_TO = new RegExp(`^(${NAME}) to\\s+(.+)`);
const GROUP =
  /\b(?:we(?:'ll| will| shall| should)(?: (?:probably|also|just|then|definitely|all|still))?(?: (?:need|have) to)?|we need to|we have to|we've got to|we must|we(?:'re| are) (?:going to|gonna)|let's|let us)\s+(.+)/i;
// "Make sure ..." as an instruction, at the start of the sentence.
const MAKE_SURE = /^(?:(?:just|please|and|so)\s+)?(?:make sure|don't forget to|remember to)\s+(.+)/i;

// Patterns tried in this order; the first that matches decides the kind.
const PATTERNS: { kind: ActionKind; pattern: RegExp }[] = [
  { kind: 'explicit', pattern: EXPLICIT },
  { kind: 'request', pattern: REQUEST },
  { kind: 'commitment', pattern: COMMITMENT },
  { kind: 'offer', pattern: OFFER },
  { kind: 'please', pattern: PLEASE },
  { kind: 'assignment', pattern: ASSIGNMENT },
  { kind: 'group', pattern: GROUP },
  { kind: 'group', pattern: MAKE_SURE },
];

const VOCATIVE_BEFORE = new RegExp(`^(${NAME}(?: ${NAME})?),\\s`);
const VOCATIVE_AFTER = new RegExp(`,\\s*(${NAME}(?: ${NAME})?)\\s*[?.!,]*$`);

/** The action a sentence asks for or promises, if its grammar says it does one: the strongest kind said first. */
export function matchAction(sentence: string, names: NameTest): ActionMatch | null {
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const built = buildMatch(kind, match, sentence, names);
    if (built !== null) return built;
  }
  return null;
}

/**
 * Every action a sentence's grammar offers, for when the first one is not a real task: "I will also
 * take notes during this meeting and I will send you a summary" holds two commitments, and only the
 * second is work to be done afterwards. The match `matchAction` gives comes first, then the others in
 * spoken order.
 */
export function actionMatches(sentence: string, names: NameTest): ActionMatch[] {
  const first = matchAction(sentence, names);
  const found: { match: ActionMatch; rank: number }[] = [];
  PATTERNS.forEach(({ kind, pattern }, rank) => {
    for (let offset = 0; offset < sentence.length; ) {
      const match = pattern.exec(sentence.slice(offset));
      if (!match) break;
      const at = offset + match.index;
      const built = buildMatch(kind, match, sentence.slice(offset), names);
      if (built !== null) found.push({ match: { ...built, start: built.start + offset }, rank });
      // On to the next word: a later trigger in the same sentence.
      const nextSpace = sentence.slice(at).search(/\s/);
      if (nextSpace < 0) break;
      offset = at + nextSpace + 1;
    }
  });
  found.sort((a, b) => a.match.start - b.match.start || a.rank - b.rank);
  const rest = found.map((entry) => entry.match).filter((match) => first === null || match.start !== first.start || match.kind !== first.kind);
  return first === null ? rest : [first, ...rest];
}

function buildMatch(kind: ActionKind, match: RegExpExecArray, sentence: string, names: NameTest): ActionMatch | null {
  const nameIn = (found: RegExpExecArray | null, test: (word: string) => boolean): string | null => {
    const name = found?.[1];
    return name !== undefined && name.split(' ').every(test) ? name : null;
  };
  if (kind === 'assignment') {
    const named = nameIn(match, names.isKnownName);
    if (named === null) return null;
    return { kind, start: match.index, action: match[2] ?? '', named };
  }
  const action = match[1] ?? '';
  if (kind === 'explicit') {
    const namedTo = NAMED_TO.exec(action);
    const assignee = nameIn(namedTo, names.couldBeName);
    if (assignee !== null) return { kind, start: match.index, action: namedTo?.[2] ?? '', named: assignee };
    const inner = matchAction(action, names);
    if (inner?.kind === 'commitment' || inner?.kind === 'offer') return { ...inner, kind: 'commitment', start: match.index };
    const named = inner?.kind === 'assignment' || inner?.kind === 'request' ? inner.named : null;
    return { kind, start: match.index, action, named };
  }
  const vocative = nameIn(VOCATIVE_BEFORE.exec(sentence), names.couldBeName) ?? nameIn(VOCATIVE_AFTER.exec(sentence), names.couldBeName);
  const asked = kind === 'request' || kind === 'please';
  const start = asked && vocative !== null && sentence.startsWith(vocative) ? 0 : match.index;
  return { kind, start, action, named: asked ? vocative : null };
}
