import type { Transcript } from '../../domain/transcript/schema.js';
import { EVIDENCE_WEIGHT, MIN_PROPOSAL_SCORE, proposalConfidence } from '../../domain/understanding/speakerNames/proposeSpeakerNames.js';
import type { SpeakerNameDraft } from '../../domain/understanding/speakerNames/speakerNameSchema.js';
import type { UnderstandingAnswer } from './understandingAnswer.js';

/**
 * The model's proposed names, held to the offline engine's rules: the name must be said in each
 * utterance cited as evidence (others are dropped), the evidence must weigh as much as one
 * introduction or two addresses, one name a speaker and one speaker a name (first proposal wins),
 * and a speaker already called by that name gets none. `tags` maps speaker ids to the tags the
 * model saw (S1, S2 …); a proposal naming a speaker by display name is accepted too.
 */
export function speakerNamesFromAnswer(answer: UnderstandingAnswer, transcript: Transcript, tags: ReadonlyMap<string, string>): SpeakerNameDraft[] {
  const byTag = new Map([...tags].map(([id, tag]) => [tag, id]));
  const byName = new Map(transcript.speakers.map((s) => [s.name, s.id]));
  const textOf = new Map(transcript.utterances.map((u) => [u.id, u.text]));
  const named = new Set<string>();
  const used = new Set<string>();
  const proposals: SpeakerNameDraft[] = [];
  for (const proposal of answer.speakerNames) {
    const speakerId = byTag.get(proposal.speaker) ?? byName.get(proposal.speaker);
    const speaker = transcript.speakers.find((s) => s.id === speakerId);
    if (speaker === undefined || named.has(speaker.id) || used.has(proposal.name)) continue;
    if (speaker.name.split(/\s+/).includes(proposal.name)) continue;
    const evidence = proposal.ids.filter((id) => textOf.get(id)?.includes(proposal.name) === true);
    const score = evidence.length * EVIDENCE_WEIGHT[proposal.kind];
    if (score < MIN_PROPOSAL_SCORE) continue;
    named.add(speaker.id);
    used.add(proposal.name);
    proposals.push({
      speakerId: speaker.id,
      currentName: speaker.name,
      name: proposal.name,
      confidence: proposalConfidence(score),
      evidence: evidence.map((utteranceId) => ({ utteranceId, kind: proposal.kind })),
    });
  }
  return proposals.sort((a, b) => a.speakerId.localeCompare(b.speakerId));
}
