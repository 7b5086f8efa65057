import { z } from 'zod';
import { UNDERSTANDING_SCHEMA_VERSION } from '../schema.js';

export const SpeakerNameEvidenceSchema = z.object({
  utteranceId: z.string().regex(/^u\d+$/),
  /** `introduced`: the speaker said their name; `addressed`: someone called them by it, and they answered or had just spoken. */
  kind: z.enum(['introduced', 'addressed']),
});

export const SpeakerNameProposalSchema = z.object({
  speakerId: z.string().regex(/^spk_\d+$/),
  /** The label the transcript has now ("Project Manager", "Speaker 0"). */
  currentName: z.string(),
  name: z.string().min(1).max(80),
  /** 0..1: a self-introduction alone is strong, being addressed by name is weaker. */
  confidence: z.number().min(0).max(1),
  evidence: z.array(SpeakerNameEvidenceSchema).min(1),
  /** When a person confirmed it (and the speaker was renamed); null while it is only a proposal. */
  confirmedAt: z.string().nullable(),
});

/** speaker-names.json: names proposed for the diarised speakers, never applied until confirmed. */
export const SpeakerNameProposalsSchema = z.object({
  schemaVersion: z.literal(UNDERSTANDING_SCHEMA_VERSION),
  meetingId: z.string(),
  engine: z.string(),
  proposals: z.array(SpeakerNameProposalSchema),
});

export type SpeakerNameEvidence = z.infer<typeof SpeakerNameEvidenceSchema>;
export type SpeakerNameProposal = z.infer<typeof SpeakerNameProposalSchema>;
export type SpeakerNameProposals = z.infer<typeof SpeakerNameProposalsSchema>;
/** What an engine proposes; confirmation is a person's. */
export type SpeakerNameDraft = Omit<SpeakerNameProposal, 'confirmedAt'>;
