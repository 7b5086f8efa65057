import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSubscription } from '../../../../lib/domain/crm/subscriptions.js';
import { correctTranscriptLine } from '../../../../lib/domain/edits/correctTranscriptLine.js';
import { findJson } from '../../../../lib/domain/jsonBlobs.js';
import { ManifestSchema } from '../../../../lib/domain/meetings/manifestSchema.js';
import { catalogKey, resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema, type MeetingContext } from '../../../../lib/domain/meetings/schema.js';
import type { UnderstandingDraft } from '../../../../lib/domain/ports/Understander.js';
import { meterUsage } from '../../../../lib/domain/usage/usageMeter.js';
import { indexStep } from '../../../../lib/domain/workflow/steps/indexStep.js';
import { intake } from '../../../../lib/domain/workflow/steps/intake.js';
import { publish } from '../../../../lib/domain/workflow/steps/publish.js';
import { transcribe } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { translate } from '../../../../lib/domain/workflow/steps/translate.js';
import { understand } from '../../../../lib/domain/workflow/steps/understand.js';
import { EXAMPLE_RECEIVERS } from '../../../support/fakeResolver.js';
import { MemoryBlobStore } from '../../../support/memoryBlobStore.js';
import { at, meetingOf, MemoryDeliveryQueue, RECORDING, ScriptedTranscriber, ScriptedUnderstander, stepStatusOf, stepWorld, TaggingTranslator, transcriptFor, wavRecording } from './stepWorld.js';

const DRAFT: UnderstandingDraft = {
  summary: { text: 'The team planned the launch.', sentences: [{ text: 'The team planned the launch.', utteranceIds: ['u0'] }] },
  actionItems: [{ text: 'Send the revised budget to finance', owner: 'Ahmed', dueDate: '2026-11-27', dueText: 'by Friday', utteranceIds: ['u2'], startMs: 0 }],
  decisions: [{ text: 'Ship the yellow case first', utteranceIds: ['u1'], startMs: 0 }],
  chapters: [{ title: 'Launch plan', startMs: 0, endMs: 40_000, utteranceIds: ['u0', 'u3'] }],
};

/** Remembers the order of writes, to show what is written last. */
class WriteOrderStore extends MemoryBlobStore {
  readonly written: string[] = [];
  override async put(key: string, body: string | Uint8Array, contentType?: string): Promise<void> {
    this.written.push(key);
    await super.put(key, body, contentType);
  }
}

/** A world where every step before Publish has run for `meeting`, as the state machine runs them. */
async function ranUntilPublish(options: { languages?: string[]; translator?: boolean; deliveries?: MemoryDeliveryQueue } = {}) {
  const deepgram = new ScriptedTranscriber('deepgram:nova-3', () => {
    meterUsage({ provider: 'deepgram', model: 'nova-3', unit: 'audio_minutes', quantity: 10 });
    return { ...transcriptFor(meetingOf()), source: { kind: 'deepgram', detail: 'nova-3', key: RECORDING } };
  });
  const blobs = new WriteOrderStore();
  const world = stepWorld({
    blobs,
    transcriber: deepgram,
    translator: options.translator === false ? null : new TaggingTranslator(),
    understander: new ScriptedUnderstander('fake-understander@1', DRAFT),
    deliveries: options.deliveries ?? null,
  });
  const meeting = meetingOf({ targetLanguages: options.languages ?? ['fr'] });
  await blobs.put(RECORDING, wavRecording(), 'audio/wav');
  await runSteps(world.deps, meeting);
  return { ...world, blobs, meeting };
}

async function runSteps(deps: ReturnType<typeof stepWorld>['deps'], meeting: MeetingContext): Promise<{ documents: number; embedder: string }> {
  await intake(deps, { meeting });
  await transcribe(deps, { meeting, taskToken: 't', transcriber: 'primary' });
  for (const language of meeting.targetLanguages) await translate(deps, { meeting, language });
  await understand(deps, { meeting });
  return indexStep(deps, { meeting });
}

const manifestOf = (blobs: MemoryBlobStore) => findJson(blobs, at(resultFiles.manifest), ManifestSchema);

describe('Publish step', () => {
  it('writes the status, then manifest.json vouching for every result with its checksum, last', async () => {
    const { deps, blobs, meeting } = await ranUntilPublish();
    const index = { documents: 7, embedder: 'hashed-terms-v1-d64' };
    blobs.written.length = 0;

    const result = await publish(deps, { meeting, results: { index } });

    expect(result).toEqual({ manifestKey: at(resultFiles.manifest) });
    const manifest = await manifestOf(blobs);
    const results = (await blobs.list(meeting.resultPrefix)).filter((key) => !key.includes('/steps/') && !key.endsWith('status.json') && !key.endsWith('manifest.json'));
    expect(manifest?.files.map((f) => f.key).sort()).toEqual(results);
    for (const file of manifest?.files ?? []) {
      const bytes = (await blobs.getBytes(file.key)) ?? new Uint8Array();
      expect(file).toEqual({ name: file.key.slice(meeting.resultPrefix.length), key: file.key, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), schemaVersion: file.key.endsWith('.json') ? 1 : null });
    }
    expect(manifest).toMatchObject({
      meetingId: meeting.meetingId,
      tenantId: 'acme',
      recordingKey: RECORDING,
      runId: 'run-1',
      engines: { transcript: 'deepgram:nova-3', understanding: 'fake-understander@1', translation: 'fake-translator@1', embedding: 'hashed-terms-v1-d64' },
      translations: [{ language: 'fr', state: 'succeeded', reason: null }],
      counts: { utterances: 4, speakers: 2, durationMs: 40_000, actionItems: 1, decisions: 1, chapters: 1, indexedDocuments: 7 },
      warnings: [],
      degraded: [],
      retries: 0,
      usage: [{ provider: 'deepgram', model: 'nova-3', unit: 'audio_minutes', quantity: 10, step: 'transcribe' }],
      cost: { currency: 'USD', estimated: 0.043, unpriced: [] },
    });
    expect(manifest?.steps.map((s) => s.name).sort()).toEqual(['index', 'intake', 'transcribe', 'translate.fr', 'understand']);
    // Every step's time is in the manifest; the clock moved a second per read.
    expect(manifest?.steps.every((s) => (s.durationMs ?? 0) > 0)).toBe(true);

    expect(await findJson(blobs, at(resultFiles.status), MeetingStatusSchema)).toMatchObject({ state: 'succeeded', runId: 'run-1', degraded: false, updatedAt: manifest?.publishedAt });
    const inFolder = blobs.written.filter((key) => key.startsWith(meeting.resultPrefix) && !key.includes('/steps/'));
    expect(inFolder).toEqual([at(resultFiles.status), at(resultFiles.manifest)]);
    expect(await findJson(blobs, catalogKey('acme', meeting.meetingId), CatalogEntrySchema)).toMatchObject({ listing: { state: 'ready', speakers: ['Laura', 'Ahmed'] } });
    expect(await stepStatusOf(blobs, 'publish')).toMatchObject({ state: 'succeeded' });
  });

  it('warns of translations that did not succeed and of an index that was not updated', async () => {
    const { deps, blobs, meeting } = await ranUntilPublish({ translator: false });

    await publish(deps, { meeting, results: { indexError: { Error: 'ProviderUnavailableError', Cause: 'pinecone 503' } } });

    const manifest = await manifestOf(blobs);
    expect(manifest?.translations).toEqual([{ language: 'fr', state: 'skipped', reason: 'no translation provider is configured: set OPENAI_API_KEY to translate into "fr"' }]);
    expect(manifest?.warnings).toEqual([
      { step: 'translate.fr', message: 'no translation provider is configured: set OPENAI_API_KEY to translate into "fr"' },
      { step: 'index', message: 'search index not updated (ProviderUnavailableError); run "aftercall reindex" to rebuild it' },
    ]);
    expect(manifest?.engines).toMatchObject({ translation: null, embedding: null });
    expect(manifest?.counts.indexedDocuments).toBeNull();
  });

  it("drops translations a rerun did not make again, and reports the earlier run's index when this run did not index", async () => {
    const { deps, blobs, meeting } = await ranUntilPublish({ languages: ['fr', 'de'] });
    await publish(deps, { meeting, results: { index: { documents: 7, embedder: 'hashed-terms-v1-d64' } } });
    const rerun = { ...meeting, runId: 'run-2', targetLanguages: ['fr'] };
    await runSteps(deps, rerun);

    await publish(deps, { meeting: rerun, results: {} });

    expect(await blobs.list(at('translations/'))).toEqual([at('translations/fr.json'), at('translations/fr.vtt')]);
    const manifest = await manifestOf(blobs);
    expect(manifest?.files.some((f) => f.name.startsWith('translations/de'))).toBe(false);
    expect(manifest).toMatchObject({ runId: 'run-2', counts: { indexedDocuments: 7 }, engines: { embedding: 'hashed-terms-v1-d64' } });
  });

  it("leaves people's edits out of what the manifest vouches for (they change after publishing)", async () => {
    const { deps, blobs, meeting } = await ranUntilPublish();
    await correctTranscriptLine(deps, { meeting, utteranceId: 'u0', version: 0, text: 'Welcome all.', actor: { type: 'operator', name: 'laura' } });
    expect(await blobs.head(at('edits.json'))).not.toBeNull();

    await publish(deps, { meeting, results: {} });

    expect((await manifestOf(blobs))?.files.map((f) => f.name)).not.toContain('edits.json');
  });

  it('queues the action-item and decision events after the manifest, once per subscription, the same ids on a retried Publish', async () => {
    const deliveries = new MemoryDeliveryQueue();
    const { deps, blobs, meeting } = await ranUntilPublish({ deliveries });
    const subscription = await createSubscription(blobs, 'acme', { url: 'https://crm.example.com/hooks', events: ['action_items.published', 'decisions.published'] }, new Date(), EXAMPLE_RECEIVERS);

    await publish(deps, { meeting, results: {} });
    const first = [...deliveries.deliveries.values()];
    await publish(deps, { meeting, results: {} });

    expect(first.map((d) => [d.eventType, d.subscriptionId]).sort()).toEqual([
      ['action_items.published', subscription.id],
      ['decisions.published', subscription.id],
    ]);
    const actionItems = JSON.parse(first.find((d) => d.eventType === 'action_items.published')?.body ?? '{}');
    expect(JSON.stringify(actionItems)).toContain('Send the revised budget to finance');
    expect([...deliveries.deliveries.keys()].sort()).toEqual(first.map((d) => d.id).sort());
  });

  it('fails without a transcript, writing no manifest and leaving the meeting unfinished', async () => {
    const world = stepWorld();
    const meeting = meetingOf();

    await expect(publish(world.deps, { meeting, results: {} })).rejects.toMatchObject({ name: 'ResultMissingError' });

    expect(await world.blobs.head(at(resultFiles.manifest))).toBeNull();
    expect(await world.blobs.head(at(resultFiles.status))).toBeNull();
    expect(await stepStatusOf(world.blobs, 'publish')).toMatchObject({ state: 'failed' });
  });
});
