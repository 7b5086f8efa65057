import type { components } from './api/schema.js';

/**
 * The shapes of the aftercall HTTP API this UI reads: names for the types generated from the
 * API's OpenAPI document (api/schema.d.ts, `npm run gen:api`), never written here again.
 */
type Schemas = components['schemas'];

export type MeetingSummary = Schemas['MeetingSummary'];
export type MeetingState = MeetingSummary['state'];
export type TalkTime = Schemas['TalkTime'];
export type ReadyEstimate = Schemas['ReadyEstimate'];
/** A step that fell back to the offline default, as the manifest records it. */
export type Degradation = Schemas['Degradation'];
export type Step = Schemas['Step'];
export type Meeting = Schemas['Meeting'];
export type MeetingDetail = Schemas['MeetingDetail'];
export type ActionItem = Schemas['ActionItem'];
export type Decision = Schemas['Decisions']['decisions'][number];
export type Chapter = Schemas['Chapters']['chapters'][number];
export type Transcript = Schemas['Transcript'];
export type Utterance = Transcript['utterances'][number];
export type Translation = Schemas['Translation'];
export type SearchHit = Schemas['SearchHit'];
export type HitKind = SearchHit['kind'];
export type GeneratedBy = Schemas['GeneratedBy'];
export type SpeakerNameProposals = Schemas['SpeakerNameProposals'];
