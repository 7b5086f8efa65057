import { describe, expect, it } from 'vitest';
import { correctTranscriptLine } from '../../../../lib/domain/edits/correctTranscriptLine.js';
import { ProviderUnavailableError } from '../../../../lib/domain/errors.js';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import type { UnderstandingDraft } from '../../../../lib/domain/ports/Understander.js';
import { SpeakerNameProposalsSchema } from '../../../../lib/domain/understanding/speakerNames/speakerNameSchema.js';
import { ActionItemsSchema, ChaptersSchema, DecisionsSchema, SummarySchema } from '../../../../lib/domain/understanding/schema.js';
import { findJson } from '../../../../lib/domain/jsonBlobs.js';
import { understand } from '../../../../lib/domain/workflow/steps/understand.js';
import { at, meetingOf, ScriptedUnderstander, stepStatusOf, stepWorld, storeTranscript } from './stepWorld.js';

/** What an engine proposes for the TURNS meeting: one item of each kind cites a line that does not exist. */
const DRAFT: UnderstandingDraft = {
  summary: { text: 'The team planned the launch. Ahmed owns the budget.', sentences: [{ text: 'The team planned the launch.', utteranceIds: ['u0'] }, { text: 'Ahmed owns the budget.', utteranceIds: ['u2'] }] },
  actionItems: [
    { text: 'Send the revised budget to finance', owner: 'Ahmed', dueDate: '2026-11-27', dueText: 'by Friday', utteranceIds: ['u2', 'u3', 'u99'], startMs: 0 },
    { text: 'Book the lab', owner: null, dueDate: null, dueText: null, utteranceIds: ['u42'], startMs: 0 },
  ],
  decisions: [{ text: 'Ship the yellow case first', utteranceIds: ['u1'], startMs: 0 }],
  chapters: [
    { title: 'Launch plan', startMs: 0, endMs: 20_000, utteranceIds: ['u0', 'u1'] },
    { title: 'Budget', startMs: 20_000, endMs: 99_000, utteranceIds: ['u2', 'u3'] },
    { title: 'Invented', startMs: 0, endMs: 1000, utteranceIds: ['u77'] },
  ],
  speakerNames: [{ speakerId: 'spk_1', currentName: 'Ahmed', name: 'Ahmed', confidence: 0.4, evidence: [{ utteranceId: 'u2', kind: 'addressed' }] }],
};

const read = async (world: ReturnType<typeof stepWorld>) => ({
  summary: await findJson(world.blobs, at(resultFiles.summary), SummarySchema),
  actionItems: await findJson(world.blobs, at(resultFiles.actionItems), ActionItemsSchema),
  decisions: await findJson(world.blobs, at(resultFiles.decisions), DecisionsSchema),
  chapters: await findJson(world.blobs, at(resultFiles.chapters), ChaptersSchema),
  speakerNames: await findJson(world.blobs, at(resultFiles.speakerNames), SpeakerNameProposalsSchema),
});

describe('Understand step', () => {
  it('stores summary, action items, decisions, chapters and speaker-name proposals, each grounded in lines that exist', async () => {
    const understander = new ScriptedUnderstander('openai:gpt-4o-mini', DRAFT);
    const world = stepWorld({ understander });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    const result = await understand(world.deps, { meeting });

    expect(result).toEqual({
      engine: 'openai:gpt-4o-mini',
      keys: [resultFiles.summary, resultFiles.actionItems, resultFiles.decisions, resultFiles.chapters, resultFiles.speakerNames].map(at),
      actionItems: 1,
      decisions: 1,
      chapters: 2,
      rejected: 2,
    });
    const stored = await read(world);
    expect(stored.summary).toMatchObject({ meetingId: meeting.meetingId, engine: 'openai:gpt-4o-mini', text: DRAFT.summary.text });
    // Citations of lines that do not exist are dropped; the item's time is its first cited line's.
    expect(stored.actionItems?.items).toEqual([{ ...DRAFT.actionItems[0], id: 'a1', utteranceIds: ['u2', 'u3'], startMs: 20_000 }]);
    expect(stored.decisions?.decisions).toEqual([{ id: 'd1', text: 'Ship the yellow case first', utteranceIds: ['u1'], startMs: 10_000 }]);
    // Times are clamped to the meeting (40 s long).
    expect(stored.chapters?.chapters.map((c) => [c.id, c.title, c.startMs, c.endMs])).toEqual([
      ['c1', 'Launch plan', 0, 20_000],
      ['c2', 'Budget', 20_000, 40_000],
    ]);
    expect(stored.speakerNames).toMatchObject({ engine: 'openai:gpt-4o-mini', proposals: [{ speakerId: 'spk_1', name: 'Ahmed', confirmedAt: null }] });
    expect(await stepStatusOf(world.blobs, 'understand')).toMatchObject({ state: 'succeeded', degraded: [] });
  });

  it("names the engine that wrote the draft when it is a fallback, not the understander's own", async () => {
    const world = stepWorld({ understander: new ScriptedUnderstander('openai:gpt-4o-mini', { ...DRAFT, engine: 'aftercall-extractive@1' }) });
    await storeTranscript(world.blobs, meetingOf());

    expect(await understand(world.deps, { meeting: meetingOf() })).toMatchObject({ engine: 'aftercall-extractive@1' });
    expect((await read(world)).summary?.engine).toBe('aftercall-extractive@1');
  });

  it('understands the words as people corrected them', async () => {
    const understander = new ScriptedUnderstander('fake@1', DRAFT);
    const world = stepWorld({ understander });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);
    await correctTranscriptLine(world.deps, { meeting, utteranceId: 'u1', version: 0, text: 'We agreed to ship the blue case first.', actor: { type: 'operator', name: 'laura' } });

    await understand(world.deps, { meeting });

    expect(understander.seen[0]?.utterances[1]?.text).toBe('We agreed to ship the blue case first.');
  });

  it('records the step as degraded when the summary of a meeting where words were said is empty', async () => {
    const world = stepWorld({ understander: new ScriptedUnderstander('fake@1', { ...DRAFT, summary: { text: ' ', sentences: [] } }) });
    await storeTranscript(world.blobs, meetingOf());

    await understand(world.deps, { meeting: meetingOf() });

    expect(await stepStatusOf(world.blobs, 'understand')).toMatchObject({ state: 'succeeded', degraded: [{ reason: 'summary is empty: fake@1 found no sentence to summarise in 4 utterances' }] });
  });

  it('fails clearly on a missing or corrupt transcript, writing nothing', async () => {
    const world = stepWorld({ understander: new ScriptedUnderstander('fake@1', DRAFT) });
    const meeting = meetingOf();
    await expect(understand(world.deps, { meeting })).rejects.toMatchObject({ name: 'ResultMissingError' });
    await world.blobs.put(at(resultFiles.transcriptJson), 'not json', 'application/json');
    await expect(understand(world.deps, { meeting })).rejects.toMatchObject({ name: 'CorruptResultError', message: `${at('transcript.json')} is not valid JSON` });

    expect(await world.blobs.list(meeting.resultPrefix)).toEqual([at('steps/understand.json'), at('transcript.json')]);
    expect(await stepStatusOf(world.blobs, 'understand')).toMatchObject({ state: 'failed', detail: expect.stringMatching(/^CorruptResultError: /) });
  });

  it("lets the engine's error through for the state machine to retry, writing nothing", async () => {
    const understander = new ScriptedUnderstander('fake@1', DRAFT);
    understander.error = new ProviderUnavailableError('openai answered 429');
    const world = stepWorld({ understander });
    await storeTranscript(world.blobs, meetingOf());

    await expect(understand(world.deps, { meeting: meetingOf() })).rejects.toThrow(understander.error);

    expect(await read(world)).toEqual({ summary: null, actionItems: null, decisions: null, chapters: null, speakerNames: null });
  });

  it('writes the same results again on a rerun', async () => {
    const world = stepWorld({ understander: new ScriptedUnderstander('fake@1', DRAFT) });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    await understand(world.deps, { meeting });
    const first = await read(world);
    await understand(world.deps, { meeting: { ...meeting, runId: 'run-2' } });

    expect(await read(world)).toEqual(first);
  });
});
