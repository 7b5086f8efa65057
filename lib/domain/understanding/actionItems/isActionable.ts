import { isContentToken } from '../text/contentTerms.js';
import { tokenize } from '../text/tokenize.js';
import type { ActionMatch } from './actionPatterns.js';

// Talk about possibilities, not decisions: "if we had time we should ...", "maybe I'll ...".
const HEDGE =
  /\b(?:if|unless|whether|maybe|perhaps|might|suppose|supposing|imagine|hypothetically|possibly|in case|wonder|wondering|hope|hoping|wish)\b/i;
const NEGATION = /\b(?:not|never|cannot)\b|n't\b/i;

// Words that can sit between the trigger and the verb ("I'll just quickly send ...").
const FILLER_BEFORE_VERB = new Set([
  'just', 'also', 'really', 'probably', 'definitely', 'actually', 'quickly', 'still', 'then', 'first', 'all', 'both',
  'now', 'please', 'and', 'try', 'to', 'mind', 'ever', 'only', 'simply', 'maybe', 'kinda', 'sorta', 'kind', 'sort', 'of', 'certainly', 'double',
]);

// Verbs of the meeting itself, of speech, or of no action at all: "let me show you", "can you see",
// "I have to say", "will you join me". Strong triggers ("I'll", "can you") need a verb not listed here.
const NOT_ACTIONS = new Set([
  'be', 'see', 'say', 'show', 'start', 'begin', 'explain', 'tell', 'talk', 'speak', 'describe', 'introduce', 'move',
  'continue', 'stop', 'repeat', 'read', 'guess', 'mean', 'think', 'know', 'wait', 'skip', 'recap', 'summarise',
  'summarize', 'present', 'discuss', 'hear', 'listen', 'understand', 'agree', 'like', 'want', 'wanna', 'prefer',
  'imagine', 'assume', 'pass', 'hand', 'turn', 'open', 'close', 'click', 'press', 'come', 'keep', 'take', 'give',
  'wrap', 'end', 'break', 'leave', 'remember', 'forget', 'answer', 'thank', 'welcome', 'consider', 'focus',
  'concentrate', 'expect', 'feel', 'need', 'do', 'let', 'proceed', 'switch', 'hook', 'list', 'direct', 'able',
  'recognize', 'recognise', 'reconvene', 'meet', 'hold', 'vote', 'resume', 'adjourn', 'suspend', 'yield', 'inform', 'note', 'join', 'admit', 'apologise',
  'apologize', 'assure', 'confirm', 'remind', 'draw', 'go', 'have', 'use', 'make', 'stand', 'support', 'accept',
  'allow', 'ensure', 'act', 'watch', 'add', 'point', 'mention', 'comment', 'ask', 'sit',
  // Opinions asked for ("would you anticipate ...", "would you care to explain"), not work.
  'anticipate', 'believe', 'reckon', 'envisage', 'foresee', 'care', 'suppose', 'buy',
  // The room itself: done as it is said.
  'step', 'erase', 'wipe', 'plug', 'unplug',
  // Speech acts done by saying them: "I need to declare an interest", "I have to stress".
  'declare', 'state', 'stress', 'emphasise', 'emphasize', 'reiterate', 'highlight', 'acknowledge', 'express', 'congratulate',
  // What a customer would do, asked in a survey ("would you pay more?"), not work.
  'pay', 'choose', 'pick', 'rather',
]);

// Follow-up work, for the weak triggers ("I can ...", "we need to ...", "let's ..."), which just as
// often state an ability, a requirement or a design preference.
const FOLLOW_UP_VERBS = new Set([
  'send', 'email', 'e-mail', 'mail', 'forward', 'share', 'circulate', 'distribute', 'upload', 'post', 'print',
  'check', 'look', 'find', 'follow', 'set', 'schedule', 'book', 'arrange', 'organise', 'organize', 'plan', 'prepare',
  'write', 'draft', 'update', 'call', 'phone', 'ring', 'contact', 'invite', 'remind', 'investigate', 'research',
  'review', 'fix', 'test', 'order', 'buy', 'bring', 'compile', 'collect', 'gather', 'report', 'submit', 'deliver',
  'finalise', 'finalize', 'complete', 'finish', 'implement', 'figure', 'sort', 'work', 'ask', 'clarify',
  'estimate', 'calculate', 'compute', 'run', 'rerun', 'measure', 'evaluate', 'analyse', 'analyze', 'document',
  'record', 'transcribe', 'edit', 'install', 'download', 'reserve', 'coordinate', 'sync', 'decide', 'rank', 'rate',
  'cost', 'price', 'budget', 'redesign', 'gather', 'firm', 'provide', 'pass', 'get', 'find', 'put', 'prepare',
  'adjust', 'adapt', 'contact', 'produce', 'create', 'build', 'design', 'develop',
]);
// The meeting's own machinery: slides, screens, the floor. Work on these happens now, not after.
const IN_MEETING =
  /\b(?:slides?|power ?point|screen|whiteboard|board|projector|laptop|presentation|microphones?|mics?|cables?|the floor|next (?:speaker|question|witness|item)|questions?|remarks|minutes? left|break|lunch)\b/i;
// "I'll get to that", "we'll go through it": moving the conversation, not doing work.
const MOVING_ON =
  /^(?:(?:just|then|now|also|quickly)\s+)*(?:(?:get|go|come|move|turn|jump)\s+(?:to|on|back|through|into|over|ahead|round|around|started|going)|(?:bring|pull|put)\s+(?:up|in|it up|that up|this up)|(?:run|walk)\s+(?:you\s+)?through|pick up where)\b/i;
// Done as the words are said: "I'll write that down", "I'll just draw it".
// Effort promised, not a task: "I will work hard to do everything I can".
const VAGUE = /\b(?:work(?:ing)? (?:as |so |very |really )?hard|as (?:hard|much|best) as (?:possible|I can|we can)|work (?:across|with) all\b|(?:do|doing) (?:everything|whatever|all|anything) (?:I|we|you) can|(?:my|our) (?:very )?best|keep (?:you|everyone) (?:posted|informed|updated))\b/i;
// "Can you ...", "could you ...": a request when asked, not inside a statement ("then you can you can put ...").
const INVERTED_ASK = /^(?:can|could|would|will) you\b/i;
// "What would you recommend?", "how will you train it?": a question about the answer, not a request.
const WH_BEFORE = /\b(?:what|how|where|which|why|when|who)\s*$/i;
// The same, with the trigger in between: "Cabinet Secretary, how would you assess ...".
const WH_ASKED = /\b(?:what|how|where|which|why|when|who)\s+(?:can|could|would|will|do|did|are|should)\s+you\b[^,.;]*$/i;
// A question put in a statement's form ("you'll be leading the team, or ...?", "you're going to adapt it how?")
// asks about someone, not for something: requests are asked "can you ...?", "would you ...?".
const DECLARATIVE_ASK = /^you(?:'ll| will|'re| are)\b/i;
// An agenda read out: "I'm gonna review the minutes, then we'll have your presentations".
const AGENDA = /\b(?:then|after that|and next)\s*,?\s*we(?:'ll| will|'re going to|'re gonna| are going to)\s+(?:have|hear|look|discuss|go|move|take|talk|define|see|do|make)\b/i;
// "You'll receive instructions", "you'll find that ...": said of someone, not asked of them.
const HAPPENS_TO_YOU = new Set(['receive', 'get', 'find', 'notice', 'self', 'end', 'lose', 'love', 'enjoy', 'hate', 'realise', 'realize', 'probably']);
const RIGHT_NOW =
  /\b(?:right now|at the moment|for now|down here|on here|over here|in here|up here)\b|\b(?:write|note|jot|put) (?:(?:that|this|it|them) )?down\b|\btype (?:(?:that|this|it|them) )?in\b/i;
// An instruction on its own: "Make sure ...", "Don't forget to ...".
const INSTRUCTION = /^(?:(?:just|please|and|so)\s+)?(?:make sure|don't forget to|remember to)\b/i;

const MIN_CONTENT_WORDS = 2;

const KNOWN_VERBS = new Set([...NOT_ACTIONS, ...FOLLOW_UP_VERBS]);

/** "starting" → "start", "evaluating" → "evaluate": the listed form of an -ing verb, when listed. */
function baseForm(word: string | undefined): string | undefined {
  if (word === undefined || !word.endsWith('ing') || KNOWN_VERBS.has(word)) return word;
  const stem = word.slice(0, -3);
  return [stem, `${stem}e`, stem.slice(0, -1)].find((candidate) => KNOWN_VERBS.has(candidate)) ?? word;
}

// Verbs that need a partner to be follow-up work: "I'll talk to Sam" is, "I'll talk about costs" is the meeting itself.
const WITH_SOMEONE = /^(?:talk|speak|chat|meet|catch up|check in|get together|liaise|consult)\w*\s+(?:up\s+)?(?:to|with)\s+\w/i;
// Work said with a light verb or a phrase: "have an off-line conversation with", "take a look at",
// "make sure to put up the minutes", "come up with a prototype", "get in touch", "make it available".
const PHRASAL_WORK: readonly [RegExp, string][] = [
  [/^(?:have|hold|set up|arrange|organi[sz]e)\s+(?:a|an|another)\s+(?:[\w-]+\s+)?(?:conversation|chat|talk|meeting|call|word|discussion|look)\b/i, 'arrange'],
  [/^(?:take|have)\s+(?:a|another)\s+(?:\w+\s+)?look\b/i, 'check'],
  [/^(?:give|drop)\s+\w+\s+(?:a\s+)?(?:call|ring|line|note|shout)\b/i, 'contact'],
  [/^(?:get|be)\s+in\s+(?:touch|contact)\b/i, 'contact'],
  [/^get\s+back\s+to\b/i, 'contact'],
  [/^come\s+up\s+with\b/i, 'produce'],
  [/^(?:make|get)\s+(?:it|that|this|them|those|these|\w+\s+\w+)\s+(?:available|ready|done|sorted|finished)\b/i, 'prepare'],
  [/^(?:make sure|ensure|be sure)\s+(?:to|that\s+(?:I|we)\s+(?:\w+\s+)?)\s*/i, ''],
  [/^(?:try|go ahead|remember)\s+(?:to|and)\s+/i, ''],
];
// An indirect question after a verb of finding out: "see if", "check whether", "try if": not a condition.
const FIND_OUT_IF = /\b(?:see|check|find out|try|test|ask|know|look|figure out|work out|verify|confirm)\s+(?:if|whether)\b/gi;
// A commitment quoted from someone else's mind or mouth: "they think, I'll buy a nice one".
const REPORTED = /\b(?:they|he|she|people|someone|somebody|everyone|everybody|you|one)\s+(?:think|thinks|thought|say|says|said|go|goes|went|like)\s*[,:]?\s*["']?$/i;

// Words that cannot start the task after "I'll", "can you": the sentence broke off ("I I'll The spectral shape").
const NOT_A_VERB = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'it', 'i', 'you', 'we', 'they', 'he', 'she', 'there', 'what', 'which', 'some', 'any', 'one', 'new', 'more', 'all']);
// "You'll be working on", "you're gonna be thinking about": a task given, not a prediction.
const PROGRESSIVE_FUTURE = /^you(?:'ll| will|'re| are)(?: (?:also|just|then|all))?(?: (?:going to|gonna))? be\b/i;
const ASSIGNED_THOUGHT = /^(?:(?:just|also|really)\s+)*(?:thinking|looking|focusing|concentrating)\s+(?:about|on|at|into)\b/i;
// "You'll always need ...", "you usually get ...": how things are, said with a generic "you".
const GENERIC = /^(?:always|never|usually|normally|generally|often|sometimes|typically|tend to)\b/i;
// "Can you fit a screen in it, or is there a problem?": asking whether something can be done, not asking for it.
const ALTERNATIVE_QUESTION = /,\s*or\s+(?:is|are|was|do|does|did|can|could|would|will|is there|not)\b[^?]*\?\s*$|\bor not\s*\?\s*$/i;
// Words quoted from someone ("... the teacher said, 'I'll just rehash my speech'"): a closing quote after a
// word or an opening one before the trigger. An apostrophe between letters ("I'll") is neither.
const CLOSING_QUOTE = /[^\sSs]['’](?=[\s,.;!?]|$)|["”](?=[\s,.;!?]|$)/;
// Elisions ("'cause", "'kay", "'em") open nothing.
const OPENING_QUOTE = /(?:^|\s)['‘"“](?!(?:cause|kay|em|til|bout|n)\b)(?=\w)/gi;
const isQuoted = (before: string, action: string): boolean => {
  const opened = (before.match(OPENING_QUOTE) ?? []).length;
  const closedBefore = (before.match(new RegExp(CLOSING_QUOTE.source, 'g')) ?? []).length;
  return opened > closedBefore || CLOSING_QUOTE.test(action.replace(/"[^"]*"/g, ''));
};
// A purpose clause: "list them so I can write them in the report".
const PURPOSE = /\b(?:so(?: that)?|in order that)\s*$/i;

/** The action with light verbs and "make sure to ..." read as the work they name. */
function workOf(action: string): string {
  let text = action.trim().replace(/\be-mail/gi, 'email');
  for (let pass = 0; pass < 3; pass++) {
    const rule = PHRASAL_WORK.find(([pattern]) => pattern.test(text));
    if (rule === undefined) break;
    const [pattern, verb] = rule;
    text = verb === '' ? text.replace(pattern, '') : `${verb} ${text.replace(pattern, '')}`;
  }
  return WITH_SOMEONE.test(text) ? `contact ${text}` : text;
}

/** The clause a trigger sits in: what comes after the last comma, semicolon or dash before it. */
const lastClause = (text: string): string => text.split(/[,;:—–]|\s-\s/).pop() ?? text;
/** The action's first clause: a hedge after it ("I'll send it, if that's okay") leaves the task whole. */
const firstClause = (text: string): string => text.split(/[,;:—–]|\s-\s/)[0] ?? text;

export interface ActionableOptions {
  /** The sentence names a deadline: "we'll ... by Thursday" is a plan, not a preference. */
  hasDeadline?: boolean;
}

/** Whether a matched action is a real commitment or request rather than a question, hypothesis, or filler. */
export function isActionable(sentence: string, match: ActionMatch, options: ActionableOptions = {}): boolean {
  const before = sentence.slice(0, match.start);
  const work = workOf(match.action);
  const tokens = tokenize(work);
  const verb = baseForm(tokens.find((token) => !FILLER_BEFORE_VERB.has(token)));
  const followUp = verb !== undefined && FOLLOW_UP_VERBS.has(verb) && !(verb === 'look' && !/\blook into\b/i.test(work));
  // "If I get more numbers, I'll e-mail you", "unless Steve knows, I will send you a note": a condition
  // put before a promise of follow-up work still leaves the promise. Anything else hedged is talk of options.
  const conditionedPromise = (match.kind === 'commitment' || match.kind === 'offer') && followUp;
  if (HEDGE.test(conditionedPromise ? lastClause(before) : before) || NEGATION.test(before)) return false;
  if (HEDGE.test(firstClause(match.action).replace(FIND_OUT_IF, ''))) return false;
  if (NEGATION.test(match.action.split(/\s+/).slice(0, 3).join(' '))) return false;
  if (REPORTED.test(before) || isQuoted(before, match.action)) return false;
  if (GENERIC.test(match.action.trim())) return false;
  if (match.kind === 'request' && ALTERNATIVE_QUESTION.test(sentence)) return false;
  if (sentence.trimEnd().endsWith('?') && match.kind !== 'request') return false;
  if (IN_MEETING.test(match.action) || MOVING_ON.test(match.action) || RIGHT_NOW.test(match.action) || VAGUE.test(match.action)) return false;
  const trigger = sentence.slice(match.start);
  if (match.kind === 'request' && INVERTED_ASK.test(trigger) && !sentence.trimEnd().endsWith('?') && before.split(/\s+/).length > 3) return false;
  if (match.kind === 'request' && WH_BEFORE.test(before)) return false;
  const lead = sentence.slice(0, Math.max(match.start, sentence.indexOf(match.action, match.start)));
  if (match.kind === 'request' && WH_ASKED.test(lead)) return false;
  if (match.kind === 'request' && DECLARATIVE_ASK.test(trigger) && sentence.trimEnd().endsWith('?')) return false;
  if (AGENDA.test(match.action)) return false;
  // "I'm going to St Illtyd's": a capitalised word where the verb should be is a place or a name, not work.
  if (/^\p{Lu}/u.test(match.action.trim()) && !/^I\b/.test(match.action.trim()) && match.kind !== 'group') return false;
  // "I was going to ..." is as often the past ("the point I was going to raise"): a plan only with a day.
  if (match.kind === 'commitment' && /\bI was (?:going to|gonna)\s*$/i.test(sentence.slice(0, sentence.indexOf(match.action, match.start)).trimEnd()) && options.hasDeadline !== true) return false;

  if (verb === undefined) return false;
  // "I can write them in the report" as the purpose of another request ("... so I can ..."), not an offer.
  if ((match.kind === 'offer' || match.kind === 'commitment') && PURPOSE.test(before)) return false;
  // "I was going to do that this afternoon": a deadline makes even a short promise a task.
  const minContent = match.kind === 'commitment' && options.hasDeadline === true ? 1 : MIN_CONTENT_WORDS;
  if (tokens.filter(isContentToken).length < minContent) return false;
  if (match.kind === 'request' && HAPPENS_TO_YOU.has(verb)) return false;
  // "You'll be thinking about the requirements": work handed out in the progressive future, even thinking.
  if (match.kind === 'request' && PROGRESSIVE_FUTURE.test(trigger) && ASSIGNED_THOUGHT.test(work)) return tokens.filter(isContentToken).length >= MIN_CONTENT_WORDS;
  if (match.kind === 'group' && INSTRUCTION.test(sentence)) return !NOT_ACTIONS.has(verb);
  if (NOT_A_VERB.has(verb)) return false;
  if (match.kind === 'offer' || match.kind === 'please') return followUp;
  // "We need to ...", "we'll ..." is as often a requirement or the design talk itself: a plan only with a deadline.
  if (match.kind === 'group') return options.hasDeadline === true && !NOT_ACTIONS.has(verb);
  return !NOT_ACTIONS.has(verb);
}
