import type { Transcript } from '../../transcript/schema.js';
import { peopleOf } from '../people.js';
import { splitSentences } from '../text/splitSentences.js';
import type { SpeakerNameDraft, SpeakerNameEvidence } from './speakerNameSchema.js';

// "I'm Laura", "my name is David", "call me Sam": the speaker's own name.
const INTRODUCTION = /(?:^|[\s,.])(?:I'm|I am|[Mm]y name is|[Mm]y name's|[Cc]all me)\s+(\p{Lu}\p{Ll}+)\b/gu;
// "thanks, David", "thank you David": someone addressed after speaking.
const THANKED = /\b(?:[Tt]hank you|[Tt]hanks|[Cc]heers)\s*,?\s+(\p{Lu}\p{Ll}+)\b/gu;
// "David, can you ...", "over to you, Raj", "go ahead, Sarah": someone addressed before speaking.
const CALLED_ON = /^(\p{Lu}\p{Ll}+),\s+(?:can|could|would|will|do|did|are|is|have|you|what|how|why|please|go)\b|\b(?:[Oo]ver to you|[Gg]o ahead|[Yy]our turn)\s*,?\s+(\p{Lu}\p{Ll}+)\b/gu;

// Words that follow "I'm" capitalised without being names.
const NOT_NAMES = new Set(['Sorry', 'Sure', 'Fine', 'Okay', 'Ok', 'Just', 'Not', 'Going', 'Gonna', 'Afraid', 'Glad', 'Happy', 'Here', 'Still', 'Also', 'Really', 'Very', 'So', 'The', 'Project', 'Marketing', 'User', 'Industrial']);

/** How much one piece of evidence counts: a self-introduction alone is strong, being addressed by name is weaker. */
export const EVIDENCE_WEIGHT: Readonly<Record<SpeakerNameEvidence['kind'], number>> = { introduced: 1, addressed: 0.35 };
/** A proposal needs this much: one introduction, or being addressed by name at least twice. */
export const MIN_PROPOSAL_SCORE = 0.6;

/** A proposal's confidence from its evidence's summed weight: 0.63 for one introduction, at most 0.95. */
export const proposalConfidence = (score: number): number => Math.round(Math.min(0.95, 1 - Math.exp(-2 * score)) * 100) / 100;

interface Tally {
  score: number;
  evidence: SpeakerNameEvidence[];
}

/**
 * Names for the diarised speakers, from what was said: a self-introduction ("I'm Laura and I'm the
 * project manager") names its speaker; being addressed by name names the one who answers
 * ("David, can you ...") or who has just spoken ("thanks, David"). Each speaker gets at most one
 * name and each name one speaker, best evidence first; every proposal cites the utterances it
 * rests on. Speakers already called by that name get none.
 */
export function proposeSpeakerNames(transcript: Transcript): SpeakerNameDraft[] {
  const people = peopleOf(transcript);
  const isName = (word: string): boolean => !NOT_NAMES.has(word) && people.couldBeName(word);
  const tallies = new Map<string, Map<string, Tally>>();
  const vote = (speakerId: string | undefined, name: string, evidence: SpeakerNameEvidence, weight: number): void => {
    if (speakerId === undefined || !isName(name)) return;
    const byName = tallies.get(speakerId) ?? new Map<string, Tally>();
    tallies.set(speakerId, byName);
    const tally = byName.get(name) ?? { score: 0, evidence: [] };
    byName.set(name, tally);
    tally.score += weight;
    if (!tally.evidence.some((e) => e.utteranceId === evidence.utteranceId)) tally.evidence.push(evidence);
  };

  const utterances = transcript.utterances;
  utterances.forEach((utterance, index) => {
    // The nearest turn of someone else, before and after this one.
    const otherBefore = utterances.slice(0, index).reverse().find((u) => u.speakerId !== utterance.speakerId);
    const otherAfter = utterances.slice(index + 1).find((u) => u.speakerId !== utterance.speakerId);
    for (const sentence of splitSentences(utterance.text)) {
      for (const match of sentence.matchAll(INTRODUCTION)) {
        const name = match[1] ?? match[2];
        if (name !== undefined) vote(utterance.speakerId, name, { utteranceId: utterance.id, kind: 'introduced' }, EVIDENCE_WEIGHT.introduced);
      }
      for (const match of sentence.matchAll(THANKED)) {
        if (match[1] !== undefined) vote(otherBefore?.speakerId, match[1], { utteranceId: utterance.id, kind: 'addressed' }, EVIDENCE_WEIGHT.addressed);
      }
      for (const match of sentence.matchAll(CALLED_ON)) {
        const name = match[1] ?? match[2];
        if (name !== undefined) vote(otherAfter?.speakerId, name, { utteranceId: utterance.id, kind: 'addressed' }, EVIDENCE_WEIGHT.addressed);
      }
    }
  });

  const candidates = [...tallies.entries()]
    .flatMap(([speakerId, byName]) => [...byName.entries()].map(([name, tally]) => ({ speakerId, name, ...tally })))
    .filter((candidate) => candidate.score >= MIN_PROPOSAL_SCORE)
    .sort((a, b) => b.score - a.score || a.speakerId.localeCompare(b.speakerId));
  const namedSpeakers = new Set<string>();
  const usedNames = new Set<string>();
  const proposals: SpeakerNameDraft[] = [];
  for (const candidate of candidates) {
    if (namedSpeakers.has(candidate.speakerId) || usedNames.has(candidate.name)) continue;
    namedSpeakers.add(candidate.speakerId);
    usedNames.add(candidate.name);
    const speaker = transcript.speakers.find((s) => s.id === candidate.speakerId);
    if (speaker === undefined || speaker.name.split(/\s+/).includes(candidate.name)) continue;
    proposals.push({
      speakerId: candidate.speakerId,
      currentName: speaker.name,
      name: candidate.name,
      confidence: proposalConfidence(candidate.score),
      evidence: candidate.evidence,
    });
  }
  return proposals.sort((a, b) => a.speakerId.localeCompare(b.speakerId));
}
