import { stemmer } from 'stemmer';

// Our own lists rather than the `stopword` package: it ships no types, has no contractions
// ("don't", "we're") and no meeting fillers, and the lists are part of the embedding, so they
// must not change under us with a dependency update.

/** English function words, compared with the lowercased word before stemming. */
const ENGLISH_STOPWORDS = `
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't down during each either else ever every few for from further had hadn't has hasn't have
haven't having he he'd he'll he's her here here's hers herself him himself his how how's however i
i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might more most much
must mustn't my myself neither no nor not of off on once only or other ought our ours ourselves out
over own per quite rather same shall shan't she she'd she'll she's should shouldn't since so some
such than that that's the their theirs them themselves then there there's these they they'd
they'll they're they've this those though through thus to too under until up upon us very via was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which
while who who's whom whose why why's will with within without won't would wouldn't yet you you'd
you'll you're you've your yours yourself yourselves
`;

/** Sounds and discourse markers of spoken meetings: they carry no topic, yet fill most short turns. */
const MEETING_FILLERS = `
ah aha ahh alright anyway anyways basically er erm eh gonna gotta hm hmm hmmm huh kinda lemme like
mhm mm mmm oh ok okay okey oops right sorta uh uhm uhuh um umm wanna well whoa wow
yeah yeh yep yes yup actually really
`;

/**
 * Conversational verbs and vague nouns, compared after stemming so every inflection goes.
 * A hashed embedding has no inverse document frequency to discount them, and both meeting talk
 * ("I think", "you know") and questions about meetings ("what was discussed about…") are full of them.
 */
const CONVERSATIONAL_WORDS = `
discuss discussed discussing discussion get gets getting got go goes going gone went guess
know knows knowing knew known mean means meaning meant say says saying said summarise summarize
summary talk talks talked talking tell told thing things think thinks thinking thought stuff lot
lots bit maybe probably sure
`;

const wordsOf = (list: string): string[] => list.split(/\s+/).filter((word) => word.length > 0);

const NOISE_WORDS: ReadonlySet<string> = new Set([...wordsOf(ENGLISH_STOPWORDS), ...wordsOf(MEETING_FILLERS)]);
const NOISE_STEMS: ReadonlySet<string> = new Set(wordsOf(CONVERSATIONAL_WORDS).map((word) => stemmer(word)));

/** True for a lowercased word that says nothing about what a passage is about. */
export const isNoiseWord = (word: string): boolean => NOISE_WORDS.has(word);

/** True for a stem of a conversational word (see CONVERSATIONAL_WORDS). */
export const isNoiseStem = (stem: string): boolean => NOISE_STEMS.has(stem);
