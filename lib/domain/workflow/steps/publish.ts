import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AFTERCALL_VERSION } from '../../../version.js';
import { enqueueActionItemsPublished, enqueueDecisionsPublished } from '../../crm/publishEvents.js';
import { generatedByOf, UNKNOWN_GENERATOR } from '../../labels/generatedBy.js';
import { priceUsage } from '../../usage/priceTable.js';
import { MANIFEST_SCHEMA_VERSION, ManifestSchema, type Manifest } from '../../meetings/manifestSchema.js';
import { catalogKey, resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { CatalogEntrySchema, MeetingContextSchema, type StepStatus } from '../../meetings/schema.js';
import { identityAtPublish, identityOnRecord } from '../../meetings/identityOfRun.js';
import { TranslationSchema } from '../../transcript/translationSchema.js';
import { findJson, findJsonIfValid, putJson } from '../../jsonBlobs.js';
import { readMeetingResults } from '../meetingResults.js';
import { EDITS_FILE } from '../../edits/meetingEdits.js';
import { preloadedBlobs } from '../preloadedBlobs.js';
import type { BlobStore } from '../../ports/BlobStore.js';
import { listingOf, refreshListing } from '../../meetings/listingRow.js';
import { writeMeetingStatus } from '../meetingStatus.js';
import type { StepDeps } from '../StepDeps.js';
import { readStepStatuses, trackStep } from '../stepStatus.js';

const StateError = z.object({ Error: z.string(), Cause: z.string().optional() });

export const PublishInputSchema = z.object({
  meeting: MeetingContextSchema,
  results: z
    .object({
      index: z.object({ documents: z.number(), embedder: z.string() }).optional(),
      indexError: StateError.optional(),
    })
    .passthrough(),
});
export type PublishInput = z.infer<typeof PublishInputSchema>;

/** Writes the status, then manifest.json — last, because its presence is what says "done". */
export async function publish(deps: StepDeps, { meeting, results }: PublishInput): Promise<{ manifestKey: string }> {
  return trackStep(deps, meeting, 'publish', async () => {
    const prefix = meeting.resultPrefix;
    const keys = await deps.blobs.list(prefix);
    // Publish's own status is still "running" while it writes the manifest.
    const steps = [...(await readStepStatuses(deps.blobs, prefix, keys))]
      .map(([name, status]) => ({ ...status, name, durationMs: durationOf(status) }))
      .filter((s) => s.step !== 'publish');
    const translations = steps
      .filter((s) => s.step === 'translate')
      .map((s) => ({
        language: s.name.slice('translate.'.length),
        state: s.state === 'succeeded' ? ('succeeded' as const) : s.state === 'skipped' ? ('skipped' as const) : ('failed' as const),
        reason: s.detail,
      }));
    // A rerun overwrote every result it redid; translations it did not make again (a language
    // dropped, or one that failed or was skipped this time) are left over from an earlier run.
    const translationFiles = new Set(translations.filter((t) => t.state === 'succeeded').flatMap((t) => [resultFiles.translationJson(t.language), resultFiles.translationVtt(t.language)]));
    const leftOver = (rel: string) => rel.startsWith('translations/') && !translationFiles.has(rel);
    const isResult = (key: string) => {
      const rel = key.slice(prefix.length);
      // People's edits change after publishing: they are not results the manifest can vouch for.
      return !rel.startsWith('steps/') && rel !== resultFiles.status && rel !== resultFiles.manifest && rel !== EDITS_FILE && !leftOver(rel);
    };
    const stale = keys.filter((key) => leftOver(key.slice(prefix.length)));
    if (stale.length > 0) await deps.blobs.delete(stale);
    // Each result file is read once: hashed for the manifest, and parsed where the manifest reports on it.
    const resultKeys = keys.filter(isResult);
    const contents = new Map(await Promise.all(resultKeys.map(async (key) => [key, (await deps.blobs.getBytes(key)) ?? new Uint8Array()] as const)));
    const read = preloadedBlobs(deps.blobs, contents);
    const stored = await readMeetingResults(read, prefix);
    const files = [...contents].map(([key, bytes]) => describeFile(prefix, key, bytes));
    const index = results.index ?? (results.indexError === undefined ? await indexOfEarlierRun(deps.blobs, prefix) : undefined);

    const translationEngine = await firstTranslationEngine(read, prefix, translations);
    const warnings: Manifest['warnings'] = [
      ...translations.filter((t) => t.state !== 'succeeded').map((t) => ({ step: `translate.${t.language}`, message: t.reason ?? t.state })),
      ...(results.indexError === undefined
        ? []
        : [{ step: 'index', message: `search index not updated (${results.indexError.Error}); run "aftercall reindex" to rebuild it` }]),
    ];

    const degraded = steps.flatMap((s) => s.degraded.map(({ reason }) => ({ step: s.name, reason })));
    const usage = steps.flatMap((s) => s.usage.map((line) => ({ ...line, step: s.name })));
    const manifest: Manifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      meetingId: meeting.meetingId,
      tenantId: meeting.tenantId,
      recordingKey: meeting.recordingKey,
      runId: meeting.runId,
      publishedAt: deps.clock().toISOString(),
      aftercallVersion: AFTERCALL_VERSION,
      engines: {
        transcript: `${stored.transcript.source.kind}:${stored.transcript.source.detail}`,
        understanding: stored.summary?.engine ?? null,
        translation: translationEngine,
        embedding: index?.embedder ?? null,
      },
      files,
      steps,
      translations,
      counts: {
        utterances: stored.transcript.utterances.length,
        speakers: stored.transcript.speakers.length,
        durationMs: stored.transcript.durationMs,
        actionItems: stored.actionItems?.items.length ?? 0,
        decisions: stored.decisions?.decisions.length ?? 0,
        chapters: stored.chapters?.chapters.length ?? 0,
        indexedDocuments: index?.documents ?? null,
      },
      warnings,
      degraded,
      retries: steps.reduce((sum, s) => sum + s.attempt - 1, 0),
      usage,
      cost: { currency: 'USD', ...priceUsage(usage, deps.prices) },
    };

    const status = await writeMeetingStatus(deps, meeting, 'succeeded', manifest.publishedAt, null, degraded.length > 0);
    const manifestKey = resultKey(prefix, resultFiles.manifest);
    await putJson(deps.blobs, manifestKey, manifest);
    const entry = await findJsonIfValid(deps.blobs, catalogKey(meeting.tenantId, meeting.meetingId), CatalogEntrySchema);
    const identity = await identityAtPublish(deps.blobs, meeting, stored, identityOnRecord(entry));
    await refreshListing(deps.blobs, meeting, listingOf(status, meeting.runId, stored.transcript.speakers, degraded), identity);
    // After the manifest, so a receiver that follows the link finds the meeting done. A retried
    // Publish enqueues the same message ids again, which the queue ignores.
    if (deps.deliveries !== null) {
      const crm = { blobs: deps.blobs, deliveries: deps.deliveries, clock: deps.clock };
      const context = { title: identity.title, ...(deps.links === undefined ? {} : { links: deps.links }) };
      await enqueueActionItemsPublished(crm, meeting, stored.actionItems?.items ?? [], generatedByOf(stored.actionItems, AFTERCALL_VERSION) ?? UNKNOWN_GENERATOR, context);
      await enqueueDecisionsPublished(crm, meeting, stored.decisions?.decisions ?? [], generatedByOf(stored.decisions, AFTERCALL_VERSION) ?? UNKNOWN_GENERATOR, context);
    }
    return { manifestKey };
  });
}

function describeFile(prefix: string, key: string, bytes: Uint8Array): Manifest['files'][number] {
  let schemaVersion: number | null = null;
  if (key.endsWith('.json')) {
    const parsed = z.object({ schemaVersion: z.number().int() }).safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    schemaVersion = parsed.success ? parsed.data.schemaVersion : null;
  }
  return {
    name: key.slice(prefix.length),
    key,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    schemaVersion,
  };
}

const durationOf = (status: StepStatus): number | null =>
  status.finishedAt === null ? null : Date.parse(status.finishedAt) - Date.parse(status.startedAt);

/**
 * A run that did not index (one resumed at Publish) reports what the index holds from the run
 * that did: the earlier manifest's count and embedder, still there until this one replaces it.
 */
async function indexOfEarlierRun(blobs: BlobStore, prefix: string): Promise<{ documents: number; embedder: string } | undefined> {
  const earlier = await findJsonIfValid(blobs, resultKey(prefix, resultFiles.manifest), ManifestSchema);
  const documents = earlier?.counts.indexedDocuments ?? null;
  const embedder = earlier?.engines.embedding ?? null;
  return documents === null || embedder === null ? undefined : { documents, embedder };
}

async function firstTranslationEngine(blobs: BlobStore, prefix: string, translations: { language: string; state: string }[]): Promise<string | null> {
  const done = translations.find((t) => t.state === 'succeeded');
  if (done === undefined) return null;
  const translation = await findJson(blobs, resultKey(prefix, resultFiles.translationJson(done.language)), TranslationSchema);
  return translation?.engine ?? null;
}
