import type { GeneratedBy } from './aiLabel.js';
import type { SpeakerNameProposals } from './pages/speakersSection.js';
/** The shapes of the aftercall HTTP API this UI reads (see lib/app/http/apiRoutes.ts). */
export type MeetingState = 'awaiting_consent' | 'processing' | 'ready' | 'failed';

export interface MeetingSummary {
  meetingId: string;
  title: string;
  recordingKey: string;
  recordedAt: string;
  state: MeetingState;
  degraded: boolean;
  degradedReasons: Degradation[];
  error: { step: string | null; name: string; message: string } | null;
  updatedAt: string | null;
  /** Identity (absent from older servers): see pages/meetingIdentity.ts. */
  titleSource?: 'metadata' | 'room' | 'chapter' | 'recorded' | 'file';
  room?: string | null;
  durationMs?: number | null;
  participants?: string[];
  talkTime?: TalkTime[];
  summaryPreview?: string | null;
  /** The meeting's absolute page URL. */
  url?: string;
  /** While processing: the step running and when the notes should be ready. */
  progress?: ReadyEstimate | null;
}

export interface TalkTime {
  speaker: string;
  ms: number;
  share: number;
}

export interface ReadyEstimate {
  step: string | null;
  stepsDone: number;
  stepsTotal: number;
  recordingMs: number;
  recordingLengthExact: boolean;
  remainingMs: number;
  readyAt: string;
  basis: 'measured' | 'default';
  samples: number;
}

/** A step that fell back to the offline default, as the manifest records it. */
export interface Degradation {
  step: string;
  reason: string;
}

export interface Step {
  name: string;
  state: string;
  detail: string | null;
}

export interface Meeting extends MeetingSummary {
  steps: Step[];
  manifest: {
    translations: { language: string; state: 'succeeded' | 'skipped' | 'failed'; reason?: string | null }[];
    degraded?: Degradation[];
  } | null;
}

export interface ActionItem {
  id: string;
  text: string;
  owner: string | null;
  /** `group`: everyone present, with no single owner. Absent in older results. */
  ownerKind?: 'person' | 'group';
  dueDate: string | null;
  dueText: string | null;
  utteranceIds: string[];
  startMs: number;
}

export interface Decision {
  id: string;
  text: string;
  utteranceIds: string[];
  startMs: number;
}

export interface Chapter {
  id: string;
  title: string;
  startMs: number;
  endMs: number;
  utteranceIds: string[];
}

export interface MeetingDetail {
  meeting: Meeting;
  summary: { text: string; sentences: { text: string; utteranceIds: string[] }[] } | null;
  actionItems: { items: ActionItem[] } | null;
  /** Absent from servers older than decisions; null before the meeting has them. */
  decisions?: { decisions: Decision[] } | null;
  chapters: { chapters: Chapter[] } | null;
  /** Names proposed for the speakers, with evidence; null when none were. */
  speakerNames?: SpeakerNameProposals | null;
  /** Who generated each result; absent from servers older than the labels (the label is shown anyway). */
  aiLabels?: Partial<Record<'transcript' | 'summary' | 'actionItems' | 'decisions' | 'chapters', GeneratedBy | null>>;
  /** Whether the relay saved live captions (absent from older servers: then the page asks). */
  hasLiveCaptions?: boolean;
}

export interface Utterance {
  id: string;
  speakerId: string;
  startMs: number;
  endMs: number;
  text: string;
}

export interface Transcript {
  speakers: { id: string; name: string }[];
  utterances: Utterance[];
}

export interface Translation {
  language: string;
  utterances: { id: string; text: string }[];
}

export type HitKind = 'transcript' | 'summary' | 'action_item' | 'chapter';

export interface SearchHit {
  meetingId: string;
  kind: HitKind;
  startMs: number;
  endMs: number;
  speaker: string | null;
  speakers: string[];
  snippet: string;
  score: number;
  utteranceIds: string[];
}
