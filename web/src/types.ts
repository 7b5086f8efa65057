import type { components, paths } from './api/schema.js';

/**
 * The shapes of the aftercall HTTP API this UI reads: names for the types generated from the
 * API's OpenAPI document (api/schema.d.ts, `npm run gen:api`), never written here again.
 */
type Schemas = components['schemas'];

// A meeting's own page URL (`url`) is for API clients: the UI builds its links itself, and a share
// link's answers do not carry it.
export type MeetingSummary = Omit<Schemas['MeetingSummary'], 'url'>;
export type MeetingState = MeetingSummary['state'];
export type TalkTime = Schemas['TalkTime'];
export type ReadyEstimate = Schemas['ReadyEstimate'];
/** A step that fell back to the offline default, as the manifest records it. */
export type Degradation = Schemas['Degradation'];
export type Step = Schemas['Step'];
export type Meeting = Omit<Schemas['Meeting'], 'url'>;
export type MeetingDetail = Schemas['MeetingDetail'];
export type ActionItem = Schemas['ActionItem'];
export type Decision = Schemas['Decisions']['decisions'][number];
export type Chapter = Schemas['Chapters']['chapters'][number];
export type Transcript = Schemas['Transcript'];
export type Utterance = Transcript['utterances'][number];
export type Translation = Schemas['Translation'];
export type SearchHit = Schemas['SearchHit'];
export type HitKind = SearchHit['kind'];
/** An archive search (GET /search). */
export type SearchQuery = paths['/search']['get']['parameters']['query'];
export type GeneratedBy = Schemas['GeneratedBy'];
export type SpeakerNameProposals = Schemas['SpeakerNameProposals'];
export type MeetingsPage = Schemas['MeetingsPage'];
export type AskAnswer = Schemas['AskAnswer'];
/** The live captions the relay saved beside a recording (GET /meetings/{id}/live-captions). */
export type SavedLiveCaptions = Schemas['LiveCaptions'];
/** A short-lived signed URL of a recording (GET /meetings/{id}/audio-url). */
export type SignedUrl = paths['/meetings/{id}/audio-url']['get']['responses'][200]['content']['application/json'];
/** The rooms in progress (GET /live/rooms). */
export type LiveRooms = paths['/live/rooms']['get']['responses'][200]['content']['application/json'];
export type ActiveRoom = LiveRooms['rooms'][number];
/** People's edits of a meeting, and what the signed-in key may edit (GET /meetings/{id}/edits). */
export type MeetingEdits = paths['/meetings/{id}/edits']['get']['responses'][200]['content']['application/json'];
export type EditPermissions = MeetingEdits['permissions'];
/** A meeting's share links, never with their tokens (GET /share-links). */
export type ShareLinks = paths['/share-links']['get']['responses'][200]['content']['application/json'];
export type ShareLink = ShareLinks['links'][number];
/** A link just made, with its token, shown once (POST /meetings/{id}/share-links). */
export type CreatedLink = paths['/meetings/{id}/share-links']['post']['responses'][201]['content']['application/json'];
/**
 * A meeting as its page shows it: from GET /meetings/{id}, or a share link's GET /shared/meeting
 * (the same, without the page's own URL).
 */
export type ShownMeeting = Omit<MeetingDetail, 'meeting'> & { meeting: Meeting };
/** What the signed-in key is (GET /me). */
export type KeyRole = paths['/me']['get']['responses'][200]['content']['application/json']['role'];
/** An action item's changes, quoting the version they were made on (PATCH /meetings/{id}/action-items/{itemId}). */
export type ActionItemEdit = paths['/meetings/{id}/action-items/{itemId}']['patch']['requestBody']['content']['application/json'];
