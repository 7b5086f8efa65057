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
]);

// Follow-up work, for the weak triggers ("I can ...", "we need to ...", "let's ..."), which just as
// often state an ability, a requirement or a design preference.
const FOLLOW_UP_VERBS = new Set([
  'send', 'email', 'e-mail', 'mail', 'forward', 'share', 'circulate', 'distribute', 'upload', 'post', 'print',
  'check', 'look', 'find', 'follow', 'set', 'schedule', 'book', 'arrange', 'organise', 'organize', 'plan', 'prepare',
  'write', 'draft', 'update', 'call', 'phone', 'ring', 'contact', 'invite', 'remind', 'investigate', 'research',
  'review', 'fix', 'test', 'order', 'buy', 'bring', 'compile', 'collect', 'gather', 'report', 'submit', 'deliver',
  'finalise', 'finalize', 'complete', 'finish', 'implement', 'figure', 'sort', 'work', 'talk', 'ask', 'clarify',
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
  /^(?:(?:just|then|now|also|quickly)\s+)*(?:(?:get|go|come|move|turn|jump)\s+(?:to|on|back|through|into|over|ahead|round|around|started|going)|(?:bring|pull|put)\s+(?:up|it up|that up|this up)|(?:run|walk)\s+(?:you\s+)?through|pick up where)\b/i;
// Done as the words are said: "I'll write that down", "I'll just draw it".
// Effort promised, not a task: "I will work hard to do everything I can".
const VAGUE = /\b(?:work(?:ing)? hard|(?:do|doing) (?:everything|whatever|all|anything) (?:I|we|you) can|(?:my|our) (?:very )?best|keep (?:you|everyone) (?:posted|informed|updated))\b/i;
// "Can you ...", "could you ...": a request when asked, not inside a statement ("then you can you can put ...").
const INVERTED_ASK = /^(?:can|could|would|will) you\b/i;
// "What would you recommend?", "how will you train it?": a question about the answer, not a request.
const WH_BEFORE = /\b(?:what|how|where|which|why|when|who)\s*$/i;
// "You'll receive instructions", "you'll find that ...": said of someone, not asked of them.
const HAPPENS_TO_YOU = new Set(['receive', 'get', 'find', 'notice', 'self', 'end', 'lose', 'love', 'enjoy', 'hate', 'realise', 'realize', 'probably']);
const RIGHT_NOW = /\b(?:right now|at the moment|for now|down here|on here|over here)\b|\bwrite (?:that|this|it|them) (?:down|up)\b/i;
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

export interface ActionableOptions {
  /** The sentence names a deadline: "we'll ... by Thursday" is a plan, not a preference. */
  hasDeadline?: boolean;
}

/** Whether a matched action is a real commitment or request rather than a question, hypothesis, or filler. */
export function isActionable(sentence: string, match: ActionMatch, options: ActionableOptions = {}): boolean {
  const before = sentence.slice(0, match.start);
  if (HEDGE.test(before) || HEDGE.test(match.action) || NEGATION.test(before)) return false;
  if (NEGATION.test(match.action.split(/\s+/).slice(0, 3).join(' '))) return false;
  if (sentence.trimEnd().endsWith('?') && match.kind !== 'request') return false;
  if (IN_MEETING.test(match.action) || MOVING_ON.test(match.action) || RIGHT_NOW.test(match.action) || VAGUE.test(match.action)) return false;
  const trigger = sentence.slice(match.start);
  if (match.kind === 'request' && INVERTED_ASK.test(trigger) && !sentence.trimEnd().endsWith('?') && before.split(/\s+/).length > 3) return false;
  if (match.kind === 'request' && WH_BEFORE.test(before)) return false;

  const tokens = tokenize(match.action);
  if (tokens.filter(isContentToken).length < MIN_CONTENT_WORDS) return false;
  const verb = baseForm(tokens.find((token) => !FILLER_BEFORE_VERB.has(token)));
  if (verb === undefined) return false;
  if (match.kind === 'request' && HAPPENS_TO_YOU.has(verb)) return false;
  if (match.kind === 'group' && INSTRUCTION.test(sentence)) return !NOT_ACTIONS.has(verb);
  const followUp = FOLLOW_UP_VERBS.has(verb) && !(verb === 'look' && !/\blook into\b/i.test(match.action));
  if (match.kind === 'offer' || match.kind === 'please') return followUp;
  // "We need to ...", "we'll ..." is as often a requirement or the design talk itself: a plan only with a deadline.
  if (match.kind === 'group') return options.hasDeadline === true && !NOT_ACTIONS.has(verb);
  return !NOT_ACTIONS.has(verb);
}
