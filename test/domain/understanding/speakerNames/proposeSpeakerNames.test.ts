import { describe, expect, it } from 'vitest';
import { groundDraft } from '../../../../lib/domain/understanding/groundDraft.js';
import { proposeSpeakerNames } from '../../../../lib/domain/understanding/speakerNames/proposeSpeakerNames.js';
import { transcriptOf } from '../transcriptBuilder.js';

describe('proposeSpeakerNames', () => {
  it('names a speaker from a self-introduction, citing it', () => {
    const meeting = transcriptOf([
      { speaker: 'Speaker 0', text: "Hi, I'm Laura and I'm the project manager." },
      { speaker: 'Speaker 1', text: "I'm sorry, I'm late. My name is David." },
    ]);
    expect(proposeSpeakerNames(meeting)).toEqual([
      { speakerId: 'spk_0', currentName: 'Speaker 0', name: 'Laura', confidence: 0.86, evidence: [{ utteranceId: 'u0', kind: 'introduced' }] },
      { speakerId: 'spk_1', currentName: 'Speaker 1', name: 'David', confidence: 0.86, evidence: [{ utteranceId: 'u1', kind: 'introduced' }] },
    ]);
  });

  it('names the one who answers when called on and the one just thanked, only with enough evidence', () => {
    const meeting = transcriptOf([
      { speaker: 'Speaker 0', text: 'Tom, can you show us the budget?' },
      { speaker: 'Speaker 1', text: 'Sure, the budget is twelve euros per unit.' },
      { speaker: 'Speaker 0', text: 'Thanks, Tom. That is helpful.' },
      { speaker: 'Speaker 2', text: 'Thanks, Sarah, for organising this.' },
    ]);
    const proposals = proposeSpeakerNames(meeting);
    expect(proposals).toEqual([
      { speakerId: 'spk_1', currentName: 'Speaker 1', name: 'Tom', confidence: 0.75, evidence: [{ utteranceId: 'u0', kind: 'addressed' }, { utteranceId: 'u2', kind: 'addressed' }] },
    ]);
  });

  it('proposes nothing for a speaker already called by the name, and one name per speaker', () => {
    const meeting = transcriptOf([
      { speaker: 'Laura', text: "I'm Laura." },
      { speaker: 'Speaker 1', text: "I'm Craig. Well, I'm Craig Smith." },
    ]);
    expect(proposeSpeakerNames(meeting).map((p) => [p.speakerId, p.name])).toEqual([['spk_1', 'Craig']]);
  });

  it('drops a proposed name its evidence does not say, as the grounding check does for a model', () => {
    const meeting = transcriptOf([{ speaker: 'Speaker 0', text: "I'm Laura." }, { speaker: 'Speaker 1', text: 'Good morning.' }]);
    const { draft, rejected } = groundDraft(meeting, {
      summary: { text: '', sentences: [] },
      actionItems: [],
      decisions: [],
      chapters: [],
      speakerNames: [
        { speakerId: 'spk_0', currentName: 'x', name: 'Laura', confidence: 0.9, evidence: [{ utteranceId: 'u0', kind: 'introduced' }] },
        { speakerId: 'spk_1', currentName: 'x', name: 'Mallory', confidence: 0.9, evidence: [{ utteranceId: 'u1', kind: 'introduced' }] },
        { speakerId: 'spk_7', currentName: 'x', name: 'Laura', confidence: 0.9, evidence: [{ utteranceId: 'u0', kind: 'introduced' }] },
      ],
    });
    expect(draft.speakerNames).toEqual([{ speakerId: 'spk_0', currentName: 'Speaker 0', name: 'Laura', confidence: 0.9, evidence: [{ utteranceId: 'u0', kind: 'introduced' }] }]);
    expect(rejected).toBe(2);
  });
});
