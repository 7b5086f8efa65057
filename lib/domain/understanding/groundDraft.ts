import type { UnderstandingDraft } from '../ports/Understander.js';
import type { Transcript } from '../transcript/schema.js';

export interface GroundedDraft {
  draft: UnderstandingDraft;
  /** How many proposed items cited nothing that exists and were dropped. */
  rejected: number;
}

/**
 * Keeps only what the transcript supports: citations are filtered to utterances that exist,
 * an item left citing nothing is rejected, and times are clamped to the meeting.
 */
export function groundDraft(transcript: Transcript, draft: UnderstandingDraft): GroundedDraft {
  const byId = new Map(transcript.utterances.map((u) => [u.id, u]));
  let rejected = 0;
  const ground = <T extends { utteranceIds: string[] }>(items: readonly T[]): T[] =>
    items.flatMap((item) => {
      const utteranceIds = [...new Set(item.utteranceIds.filter((id) => byId.has(id)))];
      if (utteranceIds.length === 0) {
        rejected += 1;
        return [];
      }
      return [{ ...item, utteranceIds }];
    });
  const startOf = (ids: readonly string[]): number => Math.min(...ids.map((id) => byId.get(id)?.startMs ?? 0));
  const endOf = (ids: readonly string[]): number => Math.max(...ids.map((id) => byId.get(id)?.endMs ?? 0));

  const sentences = ground(draft.summary.sentences);
  // Sections hold the same sentences: grounded the same way, they are not counted twice.
  const counted = rejected;
  const sections =
    draft.summary.sections === undefined
      ? undefined
      : {
          overview: ground(draft.summary.sections.overview),
          keyPoints: ground(draft.summary.sections.keyPoints),
          decisions: ground(draft.summary.sections.decisions),
          nextSteps: ground(draft.summary.sections.nextSteps),
        };
  rejected = counted;
  const actionItems = ground(draft.actionItems).map((item) => ({ ...item, startMs: startOf(item.utteranceIds) }));
  const decisions = ground(draft.decisions).map((decision) => ({ ...decision, startMs: startOf(decision.utteranceIds) }));
  const chapters = ground(draft.chapters)
    .map((chapter) => ({
      ...chapter,
      startMs: clamp(chapter.startMs, startOf(chapter.utteranceIds), endOf(chapter.utteranceIds)),
      endMs: clamp(chapter.endMs, startOf(chapter.utteranceIds), transcript.durationMs),
    }))
    .sort((a, b) => a.startMs - b.startMs);
  const text = sentences.length === draft.summary.sentences.length ? draft.summary.text : sentences.map((s) => s.text).join(' ');
  // A proposed name must be said in an utterance it cites, about a speaker who exists.
  const speakerNames = draft.speakerNames?.flatMap((proposal) => {
    const evidence = proposal.evidence.filter((e) => byId.get(e.utteranceId)?.text.includes(proposal.name) === true);
    const speaker = transcript.speakers.find((s) => s.id === proposal.speakerId);
    if (evidence.length === 0 || speaker === undefined) {
      rejected += 1;
      return [];
    }
    return [{ ...proposal, currentName: speaker.name, evidence }];
  });
  return { draft: { ...draft, summary: { text, sentences, ...(sections === undefined ? {} : { sections }) }, actionItems, decisions, chapters, ...(speakerNames === undefined ? {} : { speakerNames }) }, rejected };
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));
