import { describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../../../lib/domain/errors.js';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import type { Embedder } from '../../../../lib/domain/ports/Embedder.js';
import { understandingResults } from '../../../../lib/domain/understanding/understandingResults.js';
import { putJson } from '../../../../lib/domain/jsonBlobs.js';
import { indexStep } from '../../../../lib/domain/workflow/steps/indexStep.js';
import { at, meetingOf, stepStatusOf, stepWorld, storeTranscript } from './stepWorld.js';

/** Summary, one action item and one chapter for the TURNS meeting, as Understand stores them. */
async function storeUnderstanding(world: ReturnType<typeof stepWorld>, meetingId: string): Promise<void> {
  const results = understandingResults(meetingId, 'fake@1', {
    summary: { text: 'The team planned the remote control launch.', sentences: [{ text: 'The team planned the remote control launch.', utteranceIds: ['u0'] }] },
    actionItems: [{ text: 'Send the revised budget to finance', owner: 'Ahmed', dueDate: null, dueText: null, utteranceIds: ['u2'], startMs: 20_000 }],
    chapters: [{ title: 'Launch budget', startMs: 0, endMs: 40_000, utteranceIds: ['u0', 'u2'] }],
  });
  await putJson(world.blobs, at(resultFiles.summary), results.summary);
  await putJson(world.blobs, at(resultFiles.actionItems), results.actionItems);
  await putJson(world.blobs, at(resultFiles.chapters), results.chapters);
}

describe('Index step', () => {
  it("embeds the meeting's transcript windows and results into the tenant's index and says how many, with which model", async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);
    await storeUnderstanding(world, meeting.meetingId);

    const result = await indexStep(world.deps, { meeting });

    expect(result).toEqual({ documents: world.index.documents.length, embedder: 'hashed-terms-v1-d64' });
    expect(new Set(world.index.documents.map((d) => d.kind))).toEqual(new Set(['transcript', 'summary', 'action_item', 'chapter']));
    for (const document of world.index.documents) {
      expect(document).toMatchObject({ tenantId: 'acme', meetingId: meeting.meetingId });
      expect(document.id.startsWith(`${meeting.meetingId}:`)).toBe(true);
      expect(document.vector).toHaveLength(64);
    }
    expect(world.index.documents.find((d) => d.kind === 'action_item')).toMatchObject({ text: expect.stringContaining('Send the revised budget to finance'), utteranceIds: ['u2'] });
    expect(await stepStatusOf(world.blobs, 'index')).toMatchObject({ state: 'succeeded' });
  });

  it('indexes a meeting with only a transcript (understanding skipped or failed)', async () => {
    const world = stepWorld();
    await storeTranscript(world.blobs, meetingOf());

    const { documents } = await indexStep(world.deps, { meeting: meetingOf() });

    expect(documents).toBeGreaterThan(0);
    expect(world.index.documents.every((d) => d.kind === 'transcript')).toBe(true);
  });

  it('replaces what the index held for the meeting on a rerun: the same ids, nothing stale, other meetings untouched', async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    const other = meetingOf({ recordingKey: 'calls/2026/other.wav' });
    await storeTranscript(world.blobs, other);
    await indexStep(world.deps, { meeting: other });
    await storeTranscript(world.blobs, meeting);
    await storeUnderstanding(world, meeting.meetingId);
    await indexStep(world.deps, { meeting });
    const ids = (meetingId: string) => world.index.documents.filter((d) => d.meetingId === meetingId).map((d) => d.id).sort();
    const first = ids(meeting.meetingId);
    const others = ids(other.meetingId);

    await indexStep(world.deps, { meeting: { ...meeting, runId: 'run-2' } });
    expect(ids(meeting.meetingId)).toEqual(first);

    // Understanding dropped on a rerun: its documents leave the index.
    await world.blobs.delete([at(resultFiles.summary), at(resultFiles.actionItems), at(resultFiles.chapters)]);
    await indexStep(world.deps, { meeting: { ...meeting, runId: 'run-3' } });
    expect(world.index.documents.filter((d) => d.meetingId === meeting.meetingId).every((d) => d.kind === 'transcript')).toBe(true);
    expect(ids(other.meetingId)).toEqual(others);
  });

  it('fails clearly on a missing transcript, and on a corrupt result, leaving the index as it was', async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    await expect(indexStep(world.deps, { meeting })).rejects.toMatchObject({ name: 'ResultMissingError' });

    await storeTranscript(world.blobs, meeting);
    await world.blobs.put(at(resultFiles.chapters), '{"chapters": [', 'application/json');
    await expect(indexStep(world.deps, { meeting })).rejects.toMatchObject({ name: 'CorruptResultError', message: expect.stringContaining('chapters.json') });
    expect(world.index.documents).toEqual([]);
    expect(await stepStatusOf(world.blobs, 'index')).toMatchObject({ state: 'failed' });
  });

  it("lets the embedder's error through for the state machine to retry", async () => {
    const error = new ProviderUnavailableError('openai embeddings answered 503');
    const failing: Embedder = { model: 'openai:text-embedding-3-small', dimensions: 64, similarityFloor: 0.2, embed: async () => Promise.reject(error) };
    const world = stepWorld({ embedder: failing });
    await storeTranscript(world.blobs, meetingOf());

    await expect(indexStep(world.deps, { meeting: meetingOf() })).rejects.toThrow(error);
    expect(world.index.documents).toEqual([]);
  });
});
