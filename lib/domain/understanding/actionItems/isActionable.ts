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
  'now', 'please', 'and', 'try', 'to', 'kinda', 'sorta', 'kind', 'sort', 'of', 'certainly', 'double',
]);

// Verbs of the meeting itself, of speech, or of no action at all: "let me show you", "can you see",
// "I have to say", "will you join me". Strong triggers ("I'll", "can you") need a verb not listed here.
const NOT_ACTIONS = new Set([
  'be', 'see', 'say', 'show', 'start', 'begin', 'explain', 'tell', 'talk', 'speak', 'describe', 'introduce', 'move',
  'continue', 'stop', 'repeat', 'read', 'guess', 'mean', 'think', 'know', 'wait', 'skip', 'recap', 'summarise',
  'summarize', 'present', 'discuss', 'hear', 'listen', 'understand', 'agree', 'like', 'want', 'wanna', 'prefer',
  'imagine', 'assume', 'pass', 'hand', 'turn', 'open', 'close', 'click', 'press', 'come', 'keep', 'take', 'give',
  'put', 'wrap', 'end', 'break', 'leave', 'remember', 'forget', 'answer', 'thank', 'welcome', 'consider', 'focus',
  'concentrate', 'expect', 'feel', 'need', 'get', 'do', 'let', 'inform', 'note', 'join', 'admit', 'apologise',
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
  'cost', 'price', 'budget', 'redesign',
]);
// An instruction on its own: "Make sure ...", "Don't forget to ...".
const INSTRUCTION = /^(?:(?:just|please|and|so)\s+)?(?:make sure|don't forget to|remember to)\b/i;

const MIN_CONTENT_WORDS = 2;

/** Whether a matched action is a real commitment or request rather than a question, hypothesis, or filler. */
export function isActionable(sentence: string, match: ActionMatch): boolean {
  const before = sentence.slice(0, match.start);
  if (HEDGE.test(before) || HEDGE.test(match.action) || NEGATION.test(before)) return false;
  if (sentence.trimEnd().endsWith('?') && match.kind !== 'request') return false;

  const tokens = tokenize(match.action);
  if (tokens.filter(isContentToken).length < MIN_CONTENT_WORDS) return false;
  if (match.kind === 'group' && INSTRUCTION.test(sentence)) return true;

  const verb = tokens.find((token) => !FILLER_BEFORE_VERB.has(token));
  if (verb === undefined) return false;
  const weak = match.kind === 'offer' || match.kind === 'group';
  if (weak) return FOLLOW_UP_VERBS.has(verb) && !(verb === 'look' && !/\blook into\b/i.test(match.action));
  return !NOT_ACTIONS.has(verb);
}
