import { eng } from 'stopword';

/** Sounds that carry no words at all; removed even from text people read. */
export const FILLER_SOUNDS: ReadonlySet<string> = new Set([
  'um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'eh', 'hm', 'hmm', 'mm', 'mmm', 'mhm', 'huh', 'uh-huh', 'mm-hmm', 'oh',
  'doo', 'doop', 'dum', 'dee',
]);

// Discourse markers and hedges that fill conversational speech but say nothing about the topic.
const CONVERSATIONAL = [
  'yeah', 'yep', 'yes', 'no', 'nope', 'okay', 'ok', 'alright', 'right', 'so', 'like', 'well', 'just', 'really',
  'actually', 'basically', 'probably', 'maybe', 'gonna', 'wanna', 'gotta', 'kinda', 'sorta', 'kind', 'sort', 'lot',
  'thing', 'things', 'stuff', 'bit', 'sure', 'mean', 'know', 'think', 'guess', 'say', 'said', 'says', 'saying', 'go',
  'going', 'goes', 'went', 'see', 'look', 'want', 'need', 'let', "let's", 'thank', 'thanks', 'please', 'good', 'great',
  'nice', 'fine', 'cool', 'mr', 'mrs', 'ms', 'dr', 'hon', 'chair', 'one', 'two', 'three', 'first', 'second',
  'anyway', 'anyways', 'course', 'quite', 'pretty', 'totally', 'exactly', 'definitely', 'certainly', 'whatever',
];

// Spoken numbers recur in every topic ("twenty five minutes", "two buttons") and so mark none.
const NUMBER_WORDS = [
  'zero', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'half', 'third', 'next', 'last',
];

// Function words the package's short English list leaves out (it has 108 entries).
const FUNCTION_WORDS = [
  'a', 'i', 'you', 'we', 'they', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'which',
  'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'will', 'would', 'shall', 'should', 'can', 'could', 'may',
  'might', 'must', 'do', 'does', 'did', 'doing', 'done', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have',
  'had', 'having', 'get', 'gets', 'getting', 'got', 'gotten', 'make', 'makes', 'made', 'take', 'put', 'use', 'used',
  'our', 'ours', 'us', 'your', 'yours', 'their', 'theirs', 'them', 'she', 'her', 'he', 'him', 'his', 'me', 'my',
  'myself', 'yourself', 'ourselves', 'themselves', 'itself', 'not', 'nor', 'or', 'and', 'but', 'if', 'then', 'than',
  'too', 'very', 'also', 'only', 'even', 'still', 'already', 'again', 'ever', 'never', 'always', 'often',
  'sometimes', 'some', 'any', 'all', 'every', 'each', 'both', 'either', 'neither', 'few', 'more', 'most', 'much',
  'many', 'other', 'others', 'another', 'such', 'same', 'own', 'about', 'above', 'across', 'after', 'against',
  'along', 'among', 'around', 'at', 'before', 'behind', 'below', 'beside', 'between', 'beyond', 'by', 'down',
  'during', 'for', 'from', 'in', 'inside', 'into', 'near', 'of', 'off', 'on', 'onto', 'out', 'outside', 'over',
  'through', 'to', 'toward', 'towards', 'under', 'until', 'up', 'upon', 'with', 'within', 'without', 'as', 'because',
  'while', 'though', 'although', 'whether', 'since', 'unless', 'now', 'today', 'something', 'anything', 'everything',
  'nothing', 'someone', 'anyone', 'everyone', 'somebody', 'anybody', 'everybody', 'way', 'ways', 'yet', 'just',
  'able', 'back', 'come', 'comes', 'came', 'give', 'gives', 'gave', 'tell', 'told', 'try', 'trying', 'whole',
  'maybe', 'per', 'via', 'etc', 'cetera', 'et', 'okay', 'ones', 'bit', 'lot', 'lots', 'time', 'times', 'point',
];

/**
 * Evaluative, degree and talk-about-talk words that go with any topic ("important", "different",
 * "idea"). Not stopwords, since they are content, but they make poor titles.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'important', 'different', 'possible', 'interesting', 'difficult', 'easy', 'hard', 'big', 'small', 'little', 'new',
  'old', 'main', 'general', 'specific', 'particular', 'certain', 'real', 'true', 'sorry', 'happy', 'glad', 'best',
  'better', 'bad', 'worse', 'same', 'similar', 'various', 'several', 'obviously', 'clearly', 'simply', 'especially',
  'usually', 'generally', 'completely', 'slightly', 'fairly', 'rather', 'somewhat', 'enough', 'far', 'away', 'else',
  'instead', 'together', 'least', 'less', 'almost', 'soon', 'later', 'early', 'ago', 'seem', 'seems', 'look', 'looks',
  'talk', 'talking', 'talked', 'idea', 'ideas', 'question', 'questions', 'start', 'put', 'find', 'done', 'doing',
]);

const CONTRACTIONS = [
  "i'm", "i've", "i'll", "i'd", "you're", "you've", "you'll", "you'd", "we're", "we've", "we'll", "we'd", "they're",
  "they've", "they'll", "they'd", "it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "let's",
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "'cause", "dunno", "y'know", "s", "t", "d", "ll", "m", "re",
  "ve",
];

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...FILLER_SOUNDS,
  ...CONVERSATIONAL,
  ...NUMBER_WORDS,
  ...FUNCTION_WORDS,
  ...CONTRACTIONS,
]);

/** True for words that say nothing about what a meeting is about (tokens are lower case). */
export const isStopword = (token: string): boolean => STOPWORDS.has(token);
