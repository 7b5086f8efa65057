/** A reason to read a sentence as settling something, with its weight. */
interface Cue {
  pattern: RegExp;
  weight: number;
}

// The group says it has settled something (not "the government decided").
const SETTLED: Cue = {
  pattern: /\b(?:we(?:'ve| have| had)?(?: all| just| already)? (?:decided|agreed|determined|concluded|chosen)|decided on|(?:it's|that's|that is) (?:decided|settled|agreed)|we (?:all )?agree (?:on|that)|settled on|agreed[.!]?$)/i,
  weight: 3,
};
// The group chooses: "we'll stick to ...", "let's go with ...", "so we skip the ...", "we're gonna use ...", "let it be plastic".
const CHOOSING: Cue = {
  pattern:
    /\b(?:we|let's|let us)\b(?:'ll|'re| will| are| just| all| can| should)?(?: (?:just|all|probably|definitely|gonna|going to|have to))*\s+(?:stick (?:to|with)|go (?:for|with)|going (?:for|with)|opt for|settle for|drop|skip|remove|take away|get rid of|leave out|scrap|make it)\b|\bwe(?:'ll| will|'re gonna|'re going to| are gonna| are going to)(?: (?:just|all|definitely))? (?:use|have(?! to\b| more\b)|keep|include|put|add)\b|\blet it be\b/i,
  weight: 2,
};
// "Instead of", "only", "no more": the shape of a choice, not enough alone.
const CONTRAST: Cue = { pattern: /\b(?:instead of|rather than|anymore|only one|just (?:the|one))\b/i, weight: 1 };
// The chair's or the group's yes to what was just proposed.
const ACCEPTING: Cue = { pattern: /\b(?:(?:that's|that is) (?:a )?good idea|good idea|sounds good|fair enough|that's fine|agreed)\b/i, weight: 1 };
// "So it's yellow then.", "Okay, so regular chip.": a summing-up.
const SUMMING_UP: Cue = { pattern: /^(?:(?:okay|ok|'kay|right|alright|yeah|yes|well|good)[,.]?\s+)*so\b|\bthen[.!]?$/i, weight: 1 };

const CUES = [SETTLED, CHOOSING, CONTRAST, ACCEPTING, SUMMING_UP];

// Still weighing: "maybe we could go for ...", "if we stick to ...", "I'd go with three".
const OPEN = /\b(?:maybe|perhaps|might|could|would|if|whether|wonder|suggest|propose|option|options|possibly|or not|choose between)\b|\b(?:I|we)'d\b/i;
// Not (yet) settled: "we haven't decided", "we were never going to go with ...".
const NOT_SETTLED = /\b(?:haven't|hasn't|not|never|didn't|don't)\b[^.?!]{0,20}\b(?:decided|agreed|settled|go(?:ing)? (?:with|for)|stick)\b/i;
// A question settles nothing, except the check that something was settled ("we decided on kinetic, right?").
const CONFIRMING_QUESTION = /\b(?:decided|agreed)\b.*\b(?:right|yeah|yes|no)\?$/i;
// Talk about the meeting itself: "we'll go for the next presentation", "we have to make some decisions".
const MEETING_ITSELF = /\b(?:presentation|slides?|agenda|power ?point|next (?:point|item|speaker|question|decision)|minutes|meeting|break|lunch|decisions)\b/i;
// Said of the past or of others: "I thought we had decided", "because of the lighting we've decided to put in".
const REPORTED = /\b(?:I thought|because of|they|the government|the minister)\b/i;
// Told as a clause, not said as a decision: "why we decided to use a flat screen", "what we have decided".
const DECISION_AS_CLAUSE = /\b(?:why|what|how|when|where|which)\s+we(?:'ve| have| had)?\s+(?:decided|agreed|chose)\b/i;
// Someone else's words quoted ("... 'you need more support, we'll put the support in.'").
const QUOTED = /(?:^|\s)['‘"“](?!(?:cause|kay|em|til|bout|n)\b)\w[^'’"”]*\b(?:we|let's)\b.*\w[.,!?]?['’"”](?=[\s,.;!?]|$)/i;

const MIN_SCORE = 2;

/** How strongly a sentence reads as settling something: 0 when it does not. */
export function decisionScore(sentence: string): number {
  const text = sentence.trim();
  if (text.split(/\s+/).length < 3 || MEETING_ITSELF.test(text) || NOT_SETTLED.test(text) || REPORTED.test(text)) return 0;
  if (DECISION_AS_CLAUSE.test(text) || QUOTED.test(text)) return 0;
  if (text.endsWith('?') && !CONFIRMING_QUESTION.test(text)) return 0;
  let score = CUES.reduce((sum, cue) => sum + (cue.pattern.test(text) ? cue.weight : 0), 0);
  if (OPEN.test(text) && !SETTLED.pattern.test(text)) score -= 1;
  return score >= MIN_SCORE ? score : 0;
}
