import { retellImperative } from './imperative.js';
import type { SpeakerReference } from './speakerReference.js';

/** A sentence said in the first person, retold as notes: "I think we should X" → "Laura suggested that the group should X". */
export interface ReportedSentence {
  text: string;
  /** What the speaker did: suggested, agreed, will, said... */
  verb: string;
}

// Fillers that survive disfluency cleaning because they are words.
const SPOKEN_ASIDES = /,?\s*\b(?:you know|I mean|sort of|kind of|you see)\b,?/gi;
const FIRST_PERSON_SINGULAR = /\b(?:I|I'm|I'll|I've|I'd|me|my|mine|myself)\b/;
const FIRST_PERSON_SINGULAR_ANY_CASE = /(?:^|\s)(?:i|i'm|i'll|i've|i'd)(?:\s|$)/;

// The group speaking of itself becomes the group spoken of.
const PLURAL_PRONOUNS: Record<string, string> = {
  we: 'they', "we're": "they're", "we've": "they've", "we'll": "they'll", "we'd": "they'd",
  us: 'them', our: 'their', ours: 'theirs', ourselves: 'themselves',
};
const PLURAL_PATTERN = /\b(?:we're|we've|we'll|we'd|we|ours|our|ourselves|us)\b/gi;

// Third person of the verbs that follow "I" most often in meetings.
const THIRD_PERSON: Record<string, string> = {
  am: 'is', "'m": 'is', have: 'has', do: 'does', "don't": "doesn't", want: 'wants', need: 'needs', like: 'likes',
  prefer: 'prefers', love: 'loves', hope: 'hopes', know: 'knows', agree: 'agrees', disagree: 'disagrees',
  think: 'thinks', feel: 'feels', believe: 'believes', guess: 'guesses', understand: 'understands', see: 'sees',
  "haven't": "hasn't", was: 'was', "wasn't": "wasn't", "can't": "can't", "won't": "won't", "wouldn't": "wouldn't",
  "couldn't": "couldn't", "didn't": "didn't", can: 'can', could: 'could', would: 'would', should: 'should',
  will: 'will', might: 'might', must: 'must', may: 'may', did: 'did', had: 'had', "'ll": 'will', "'ve": 'has',
  "'d": 'would',
};
// Past tenses that say what the speaker did ("I found", "I looked"): kept as they are.
const IRREGULAR_PAST = new Set([
  'found', 'thought', 'said', 'saw', 'made', 'got', 'went', 'took', 'came', 'knew', 'told', 'brought', 'bought',
  'felt', 'heard', 'met', 'sent', 'wrote', 'gave', 'spoke', 'read', 'built', 'chose', 'drew', 'left', 'ran', 'did',
  'had', 'was', 'meant', 'put', 'set', 'began', 'forgot', 'understood', 'kept', 'spent',
]);

// A question asked without its question mark, as transcripts often write it ("how much does it cost").
const UNMARKED_QUESTION = /^(?:how|what|why|where|when|who|which|whose|(?:do|does|did|is|are|was|were|can|could|would|will|shall|should|have|has|had)\s+(?:you|we|they|i|it|he|she|there|that|this|anyone|everyone|somebody|anybody))\b/i;
// Spoken contractions notes spell out.
const SPOKEN_FORMS: [RegExp, string][] = [
  [/\bgonna\b/gi, 'going to'],
  [/\bwanna\b/gi, 'want to'],
  [/\bgotta\b/gi, 'have to'],
  [/\bkinda\b/gi, 'kind of'],
  [/\bsorta\b/gi, 'sort of'],
  [/\bcos\b|\b'cause\b/gi, 'because'],
];

// "Mr. Chair, ...", "..., Madam Chair": the address that opens or closes a turn in committee, not what was said.
const CHAIR_ADDRESS = /^(?:(?:mr|mister|madam|madame)\.?\s*(?:chair|speaker|chairman|chairperson)|chair)\s*,\s*|,?\s*(?:mr|mister|madam|madame)\.?\s*(?:chair|speaker)(?=[.!]?$)/gi;

const PROCEDURAL_LETS = /^(?:see|start|begin|go on|move on|just|have a look|look|wait|get started|continue|carry on|finish|stop|do that|say|talk)\b/i;

const lowerFirst = (text: string, keepCase: (word: string) => boolean): string => {
  const first = text.split(/\s+/)[0] ?? '';
  const bare = first.replace(/[^\p{L}']/gu, '');
  if (bare === 'I' || bare.startsWith("I'") || /^\p{Lu}{2,}/u.test(bare) || keepCase(bare)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
};

const toThirdPersonGroup = (text: string): string =>
  text.replace(PLURAL_PATTERN, (word) => {
    // "US" in capitals is the country, not "us".
    if (word === 'US') return word;
    const replaced = PLURAL_PRONOUNS[word.toLowerCase()] ?? word;
    return word.charAt(0) === word.charAt(0).toUpperCase() && word.charAt(0) !== word.charAt(0).toLowerCase()
      ? replaced.charAt(0).toUpperCase() + replaced.slice(1)
      : replaced;
  });

/**
 * A decision as the group's: "we'll go with yellow" → "The group will go with yellow". Null when
 * it speaks for one person ("I think ...") or asks.
 */
export function groupVoice(sentence: string): string | null {
  const text = sentence.replace(SPOKEN_ASIDES, '').replace(CHAIR_ADDRESS, '').replace(/\s+/g, ' ').trim();
  if (FIRST_PERSON_SINGULAR.test(text) || /\?["')\]]*$/.test(text) || UNMARKED_QUESTION.test(text)) return null;
  const opened = text
    .replace(/^let's\s+/i, 'The group will ')
    .replace(/^we(?:'ll| will)\s+/i, 'The group will ')
    .replace(/^we(?:'re| are) going to\s+/i, 'The group will ')
    .replace(/^we\s+/i, 'The group ');
  const told = toThirdPersonGroup(opened);
  return told.charAt(0).toUpperCase() + told.slice(1);
}

const thirdPersonOf = (verb: string): string | null => {
  const lower = verb.toLowerCase();
  if (THIRD_PERSON[lower] !== undefined) return THIRD_PERSON[lower];
  if (IRREGULAR_PAST.has(lower) || /^[a-z]{3,}ed$/.test(lower)) return lower;
  return null;
};

const statementVerb = (text: string): string => {
  if (/\b(?:should|could|might|maybe|perhaps)\b/i.test(text)) return 'suggested';
  if (/\b(?:because|since|so that|means)\b/i.test(text)) return 'explained';
  if (/\b(?:found|research|survey|percent|per cent|data|results?)\b|\d/i.test(text)) return 'reported';
  return 'said';
};

interface Frame {
  pattern: RegExp;
  report: (speaker: SpeakerReference, rest: string, match: RegExpMatchArray) => ReportedSentence | null;
}

const that = (rest: string): string => rest.replace(/^that\s+/i, '');

const FRAMES: Frame[] = [
  {
    // "(I think) we should X", "maybe we could X", "you should X" (said to the group)
    pattern: /^(?:(?:I think|I guess|I suppose|I reckon|I'd say|maybe|perhaps|probably)\s+)*(?:we|you)\s+(should|could|might want to|ought to|may want to)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} suggested that the group ${match[1]?.toLowerCase()} ${match[2]}`, verb: 'suggested' }),
  },
  {
    pattern: /^(?:why don't we|how about we)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} suggested that the group ${match[1]}`, verb: 'suggested' }),
  },
  {
    pattern: /^let's\s+(.+)$/i,
    report: (speaker, _rest, match) =>
      PROCEDURAL_LETS.test(match[1] ?? '') ? null : { text: `${speaker.subject} proposed that the group ${match[1]}`, verb: 'proposed' },
  },
  {
    pattern: /^we\s+(need to|have to|must|'ve got to|have got to|got to)\s+(.+)$/i,
    report: (speaker, _rest, match) => {
      const need = /must/i.test(match[1] ?? '') ? 'must' : 'needs to';
      return { text: `${speaker.subject} said that the group ${need} ${match[2]}`, verb: 'said' };
    },
  },
  {
    pattern: /^I(?:'d| would)?\s+(suggest|propose|recommend)\s+(.+)$/i,
    report: (speaker, _rest, match) => {
      const verb = `${(match[1] ?? 'suggest').toLowerCase()}ed`;
      return { text: `${speaker.subject} ${verb} ${match[2]}`, verb };
    },
  },
  {
    pattern: /^I\s+(?:totally\s+|completely\s+)?agree(?:\s+with\s+(?:that|you|\p{Lu}\p{Ll}+))?(?:,?\s+(.+))?$/iu,
    report: (speaker, _rest, match) => ({ text: match[1] ? `${speaker.subject} agreed that ${that(match[1])}` : `${speaker.subject} agreed`, verb: 'agreed' }),
  },
  {
    pattern: /^I\s+(think|believe|guess|reckon|feel|suppose|suspect)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} ${statementVerb(match[2] ?? '') === 'suggested' ? 'suggested' : 'thought'} that ${that(match[2] ?? '')}`, verb: 'thought' }),
  },
  {
    pattern: /^I(?:'m| am)\s+(?:gonna|going to)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} will ${match[1]}`, verb: 'will' }),
  },
  {
    pattern: /^I(?:'ll| will)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} will ${match[1]}`, verb: 'will' }),
  },
  {
    pattern: /^I(?:'ve| have)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} has ${match[1]}`, verb: 'has' }),
  },
  {
    pattern: /^I(?:'m| am)\s+(.+)$/i,
    report: (speaker, _rest, match) => ({ text: `${speaker.subject} is ${match[1]}`, verb: 'is' }),
  },
  {
    pattern: /^I\s+([a-z']+)\s*(.*)$/i,
    report: (speaker, _rest, match) => {
      const verb = thirdPersonOf(match[1] ?? '');
      return verb === null ? null : { text: `${speaker.subject} ${verb}${match[2] ? ` ${match[2]}` : ''}`, verb };
    },
  },
];

/**
 * Retells one cleaned sentence as notes do: attributed to its speaker, in the third person, with
 * the group's "we" as "the group" or "they". A few frames carry what the speaker did
 * (suggested, proposed, agreed, will); any other statement becomes "<speaker> said that ...".
 * Returns null for questions and for sentences whose "I" cannot be retold without guessing a
 * pronoun ("I told them I would ...").
 */
export function reportSpeech(sentence: string, speaker: SpeakerReference, keepCase: (word: string) => boolean = () => false): ReportedSentence | null {
  const text = SPOKEN_FORMS.reduce((spelled, [spoken, written]) => spelled.replace(spoken, written), sentence)
    .replace(SPOKEN_ASIDES, '')
    .replace(CHAIR_ADDRESS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:-]+/, '')
    .trim();
  if (text.length === 0 || /\?["')\]]*$/.test(text) || UNMARKED_QUESTION.test(text)) return null;
  const body = text.replace(/[.!…]+["')\]]*$/, '').trim();
  if (body.length === 0) return null;

  for (const frame of FRAMES) {
    const match = body.match(frame.pattern);
    if (match === null) continue;
    const reported = frame.report(speaker, body, match);
    if (reported === null) return null;
    return finish(reported, speaker);
  }
  const instruction = retellImperative(body);
  if (instruction !== null) return finish({ text: `${speaker.subject} ${instruction}`, verb: 'asked' }, speaker);
  if (/^(?:we|our|us)\b/i.test(body)) {
    return finish({ text: `${speaker.subject} said that ${toThirdPersonGroup(lowerFirst(body, keepCase))}`, verb: 'said' }, speaker);
  }
  const verb = statementVerb(body);
  return finish({ text: `${speaker.subject} ${verb} that ${lowerFirst(body, keepCase)}`, verb }, speaker);
}

function finish(reported: ReportedSentence, speaker: SpeakerReference): ReportedSentence | null {
  const retold = toThirdPersonGroup(reported.text.slice(speaker.subject.length));
  if (FIRST_PERSON_SINGULAR.test(retold) || FIRST_PERSON_SINGULAR_ANY_CASE.test(retold)) return null;
  return { text: `${speaker.subject}${retold.replace(/[,;:\s]+$/, '')}.`, verb: reported.verb };
}
