import { silentWav } from '../../../../lib/bench/silentWav.js';
import type { DeliveryQueue } from '../../../../lib/domain/crm/ports.js';
import type { Delivery, DeliveryStatus } from '../../../../lib/domain/crm/schema.js';
import { deriveMeetingId } from '../../../../lib/domain/meetings/meetingId.js';
import { resultFiles, resultKey, resultPrefixFor } from '../../../../lib/domain/meetings/resultKeys.js';
import { StepStatusSchema, type MeetingContext, type StepStatus } from '../../../../lib/domain/meetings/schema.js';
import type { TaskTokens } from '../../../../lib/domain/ports/TaskTokens.js';
import type { CallbackTranscriber, Transcriber, TranscriptionRequest } from '../../../../lib/domain/ports/Transcriber.js';
import type { Translator } from '../../../../lib/domain/ports/Translator.js';
import type { Understander, UnderstandingDraft } from '../../../../lib/domain/ports/Understander.js';
import { HashedTermEmbedder } from '../../../../lib/domain/search/hashedTermEmbedder.js';
import type { Transcript } from '../../../../lib/domain/transcript/schema.js';
import { DEFAULT_PRICES } from '../../../../lib/domain/usage/priceTable.js';
import { findJson, putJson } from '../../../../lib/domain/jsonBlobs.js';
import type { StepDeps } from '../../../../lib/domain/workflow/StepDeps.js';
import { MemoryBlobStore } from '../../../support/memoryBlobStore.js';
import { InMemoryVectorIndex, transcriptOf } from '../../search/fixtures.js';

// The world every step test runs in: the in-memory store and a small fake behind every other
// port, so a step's contract (what it reads, writes where, returns and throws) shows without a
// stack, a server or a process.

export const TENANT = 'acme';
export const RECORDING = 'calls/2026/standup.wav';
export const PREFIX = resultPrefixFor(RECORDING);
export const at = (file: string): string => resultKey(PREFIX, file);

/** What the state machine hands every step for RECORDING (override a field to vary it). */
export function meetingOf(overrides: Partial<MeetingContext> = {}): MeetingContext {
  const recordingKey = overrides.recordingKey ?? RECORDING;
  const tenantId = overrides.tenantId ?? TENANT;
  return {
    tenantId,
    meetingId: deriveMeetingId(tenantId, recordingKey),
    recordingKey,
    resultPrefix: resultPrefixFor(recordingKey),
    runId: 'run-1',
    resumeFrom: 'transcribe',
    targetLanguages: ['fr'],
    piiRedaction: [],
    recordedAt: '2026-11-23T09:00:00.000Z',
    trigger: 's3',
    ...overrides,
  };
}

/** Four turns of a planning call, with an action item and a decision in them. */
export const TURNS: readonly (readonly [string, string])[] = [
  ['Laura', 'Welcome everyone, today we plan the remote control launch.'],
  ['Ahmed', 'We agreed to ship the yellow case first.'],
  ['Laura', 'Ahmed will send the revised budget to finance by Friday.'],
  ['Ahmed', 'Sure, I will send it after the design review.'],
];

export const transcriptFor = (meeting: MeetingContext, turns: readonly (readonly [string, string])[] = TURNS): Transcript => transcriptOf(meeting.meetingId, turns);

/** Puts the canonical transcript where Transcribe leaves it. */
export const storeTranscript = (blobs: MemoryBlobStore, meeting: MeetingContext, transcript: Transcript = transcriptFor(meeting)): Promise<void> =>
  putJson(blobs, resultKey(meeting.resultPrefix, resultFiles.transcriptJson), transcript);

/** A real (silent) WAV: Intake sniffs the bytes, and only audio or video passes. */
export const wavRecording = (seconds = 1): Uint8Array => silentWav(seconds, 8_000);

/** A step's own status beside the recording (steps/<name>.json), or null when it never ran. */
export const stepStatusOf = (blobs: MemoryBlobStore, name: string, meeting: MeetingContext = meetingOf()): Promise<StepStatus | null> =>
  findJson(blobs, resultKey(meeting.resultPrefix, resultFiles.stepStatus(name)), StepStatusSchema);

/** Records what the step completes; the state machine's token waits on it. */
export class RecordedTaskTokens implements TaskTokens {
  readonly succeeded: { token: string; output: unknown }[] = [];
  readonly failed: { token: string; error: { name: string; message: string } }[] = [];
  async succeed(token: string, output: unknown): Promise<void> {
    this.succeeded.push({ token, output });
  }
  async fail(token: string, error: { name: string; message: string }): Promise<void> {
    this.failed.push({ token, error });
  }
}

/** A speech-to-text provider that hears `transcript` in every recording, or fails with `error`. */
export class ScriptedTranscriber implements Transcriber {
  readonly requests: TranscriptionRequest[] = [];
  error: Error | null = null;
  constructor(
    readonly name: string,
    private readonly transcriptOfRequest: (request: TranscriptionRequest) => Transcript,
  ) {}
  async transcribe(request: TranscriptionRequest): Promise<Transcript> {
    this.requests.push(request);
    if (this.error !== null) throw this.error;
    return this.transcriptOfRequest(request);
  }
}

/** A provider that takes the recording and posts the transcript to a URL later. */
export class CallbackScriptedTranscriber extends ScriptedTranscriber implements CallbackTranscriber {
  readonly submitted: (TranscriptionRequest & { callbackUrl: string; callbackMethod?: 'POST' | 'PUT' })[] = [];
  async submitWithCallback(request: TranscriptionRequest & { callbackUrl: string; callbackMethod?: 'POST' | 'PUT' }): Promise<{ requestId: string }> {
    this.submitted.push(request);
    return { requestId: `req-${this.submitted.length}` };
  }
  transcriptFromCallback(): Transcript {
    throw new Error('not called by the step');
  }
}

/** Translates a line by tagging it with the language; `lose` drops ids from its answers, as a sloppy model does. */
export class TaggingTranslator implements Translator {
  readonly name = 'fake-translator@1';
  readonly batches: { language: string; ids: string[] }[] = [];
  lose: ReadonlySet<string> = new Set();
  async translate(request: { language: string; segments: readonly { id: string; text: string }[] }): Promise<{ id: string; text: string }[]> {
    this.batches.push({ language: request.language, ids: request.segments.map((s) => s.id) });
    return request.segments.filter((s) => !this.lose.has(s.id)).map((s) => ({ id: s.id, text: `[${request.language}] ${s.text}` }));
  }
}

/** An understanding engine that proposes what the test says, and remembers what it was given. */
export class ScriptedUnderstander implements Understander {
  readonly seen: Transcript[] = [];
  error: Error | null = null;
  constructor(
    readonly name: string,
    private readonly draft: UnderstandingDraft,
  ) {}
  async understand(transcript: Transcript): Promise<UnderstandingDraft> {
    this.seen.push(transcript);
    if (this.error !== null) throw this.error;
    return this.draft;
  }
}

/** The delivery outbox in memory: idempotent by id, as the port promises. */
export class MemoryDeliveryQueue implements DeliveryQueue {
  readonly deliveries = new Map<string, Delivery>();
  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    for (const delivery of deliveries) if (!this.deliveries.has(delivery.id)) this.deliveries.set(delivery.id, delivery);
  }
  async due(now: Date, limit: number): Promise<Delivery[]> {
    return [...this.deliveries.values()].filter((d) => d.status === 'pending' && Date.parse(d.nextAttemptAt) <= now.getTime()).slice(0, limit);
  }
  async update(delivery: Delivery): Promise<void> {
    this.deliveries.set(delivery.id, delivery);
  }
  async get(tenantId: string, id: string): Promise<Delivery | null> {
    const delivery = this.deliveries.get(id);
    return delivery?.tenantId === tenantId ? delivery : null;
  }
  async list(tenantId: string, status?: DeliveryStatus): Promise<Delivery[]> {
    return [...this.deliveries.values()].filter((d) => d.tenantId === tenantId && (status === undefined || d.status === status));
  }
  async remove(tenantId: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) if (this.deliveries.get(id)?.tenantId === tenantId) this.deliveries.delete(id);
  }
}

/** A clock that moves one second each time it is read, so every step has a start, an end and a duration. */
export function tickingClock(start = '2026-11-23T09:30:00.000Z'): () => Date {
  let ticks = 0;
  return () => new Date(Date.parse(start) + 1000 * ticks++);
}

export interface StepWorld {
  deps: StepDeps;
  blobs: MemoryBlobStore;
  taskTokens: RecordedTaskTokens;
  index: InMemoryVectorIndex;
}

/** Step dependencies on fakes: no speech-to-text, translator or CRM outbox unless a test adds them. */
export function stepWorld(overrides: Partial<StepDeps> = {}): StepWorld {
  const blobs = new MemoryBlobStore();
  const taskTokens = new RecordedTaskTokens();
  const index = new InMemoryVectorIndex();
  const deps: StepDeps = {
    blobs,
    transcriber: null,
    secondaryTranscriber: null,
    taskTokens,
    callbacks: null,
    translator: null,
    understander: new ScriptedUnderstander('fake-understander@1', { summary: { text: '', sentences: [] }, actionItems: [], decisions: [], chapters: [] }),
    embedder: new HashedTermEmbedder({ dimensions: 64 }),
    vectorIndex: index,
    clock: tickingClock(),
    prices: DEFAULT_PRICES,
    limits: { maxRecordingBytes: 1_000_000, transcriptionWaitFloorSeconds: 60 },
    deliveries: null,
    ...overrides,
  };
  return { deps, blobs, taskTokens, index };
}
