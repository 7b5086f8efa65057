import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiUnderstander } from '../../../lib/adapters/openai/OpenAiUnderstander.js';
import { ExtractiveUnderstander } from '../../../lib/domain/understanding/ExtractiveUnderstander.js';
import { FallbackUnderstander } from '../../../lib/domain/understanding/FallbackUnderstander.js';
import { groundDraft } from '../../../lib/domain/understanding/groundDraft.js';
import { SummarySchema } from '../../../lib/domain/understanding/schema.js';
import { understandingResults } from '../../../lib/domain/understanding/understandingResults.js';
import type { Brain, ChatRequest, Fault } from '../../support/fakes/fakeOpenAiServer.js';
import { MEETING_DATE, meeting, startHarness, type Harness } from './support.js';

// Diarised labels, as Deepgram gives them: names can only come from what was said.
const standup = meeting([
  ['Speaker 0', 0, "Good morning, I'm Alice, let us start with the release."],
  ['Speaker 1', 5, 'The release candidate is ready, tests are green.'],
  ['Speaker 0', 10, 'Great. Carol, can you finish the docs?'],
  ['Speaker 2', 15, "Sure, I'll finish the docs by Friday."],
  ['Speaker 1', 20, 'Thanks, Carol. Next topic: the hiring plan.'],
  ['Speaker 0', 25, 'So we decided to ship on Monday.'],
]);

const notes: Brain = () => ({
  overview: [{ text: 'The team checked the release and settled the ship date.', ids: ['u0', 'u5'] }],
  keyPoints: [{ text: 'Speaker 1 reported that the release candidate is ready.', ids: ['u1'] }],
  actionItems: [
    { text: 'Finish the docs', owner: 'S3', dueText: 'by Friday', dueDate: '2025-03-21', ids: ['u2', 'u3'] },
    { text: 'Post the job ad', owner: 'everyone', dueText: null, dueDate: null, ids: ['u4'] },
  ],
  decisions: [{ text: 'Ship on Monday', ids: ['u5'] }],
  chapters: [{ title: 'Release', ids: ['u0'] }],
  speakerNames: [
    { speaker: 'S1', name: 'Alice', kind: 'introduced', ids: ['u0'] },
    // Addressed twice: as much evidence as the offline engine asks for.
    { speaker: 'S3', name: 'Carol', kind: 'addressed', ids: ['u2', 'u4'] },
    // The cited utterance does not say "Bob": dropped, as offline.
    { speaker: 'S2', name: 'Bob', kind: 'introduced', ids: ['u1'] },
    // Cites an utterance that does not exist: asked to repair once, then dropped.
    { speaker: 'S2', name: 'Dave', kind: 'introduced', ids: ['u99'] },
  ],
});

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

const schemaSent = (request: ChatRequest) => request.response_format?.json_schema?.schema as { properties: Record<string, { items?: { properties?: Record<string, { enum?: string[] }> } }> };

describe('the model path writes the same notes as the offline engine, through the same grounding', () => {
  it('asks for overview, key points and speaker names in the strict schema and writes every summary section', async () => {
    harness = await startHarness({ brain: notes });
    const engine = new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini' });

    const proposed = await engine.understand(standup, { meetingDate: MEETING_DATE });
    const { draft, rejected } = groundDraft(standup, proposed);

    const first = harness.server.requests[0]?.body as unknown as ChatRequest;
    expect(first.response_format?.json_schema).toMatchObject({ name: 'meeting_notes', strict: true });
    expect(Object.keys(schemaSent(first).properties).sort()).toEqual(['actionItems', 'chapters', 'decisions', 'keyPoints', 'overview', 'speakerNames']);
    expect(schemaSent(first).properties.speakerNames?.items?.properties?.kind?.enum).toEqual(['introduced', 'addressed']);
    // The proposal citing u99 is sent back once.
    expect(harness.server.requests).toHaveLength(2);
    expect(JSON.stringify(harness.server.requests[1]?.body)).toContain('speakerNames[3] \\"Dave\\" cites u99, not ids of the input');

    expect(rejected).toBe(0);
    expect(draft.summary.sections).toEqual({
      overview: [{ text: 'The team checked the release and settled the ship date.', utteranceIds: ['u0', 'u5'] }],
      keyPoints: [{ text: 'Speaker 1 reported that the release candidate is ready.', utteranceIds: ['u1'] }],
      decisions: [{ text: 'Decided: Ship on Monday.', utteranceIds: ['u5'] }],
      // Owned by the one asked, named as the transcript names them; the group's item is not a next step of anyone's.
      nextSteps: [{ text: 'Next steps: Speaker 2 to finish the docs by Friday.', utteranceIds: ['u2', 'u3'] }],
    });
    expect(draft.summary.text).toBe(
      'The team checked the release and settled the ship date. Speaker 1 reported that the release candidate is ready. Decided: Ship on Monday. Next steps: Speaker 2 to finish the docs by Friday.',
    );
    expect(draft.speakerNames).toEqual([
      { speakerId: 'spk_0', currentName: 'Speaker 0', name: 'Alice', confidence: 0.86, evidence: [{ utteranceId: 'u0', kind: 'introduced' }] },
      { speakerId: 'spk_2', currentName: 'Speaker 2', name: 'Carol', confidence: 0.75, evidence: [{ utteranceId: 'u2', kind: 'addressed' }, { utteranceId: 'u4', kind: 'addressed' }] },
    ]);
    const { summary } = understandingResults('m1', engine.name, draft);
    expect(SummarySchema.parse(summary).sections?.nextSteps).toHaveLength(1);
  });

  it('holds model proposals to the offline rules: one address is not enough, a speaker already so named gets none, one name a speaker', async () => {
    const brain: Brain = () => ({
      overview: [], keyPoints: [{ text: 'The release is ready.', ids: ['u1'] }], actionItems: [], decisions: [], chapters: [],
      speakerNames: [
        { speaker: 'S3', name: 'Carol', kind: 'addressed', ids: ['u2'] },
        { speaker: 'S1', name: 'Alice', kind: 'introduced', ids: ['u0'] },
        { speaker: 'S1', name: 'Good', kind: 'introduced', ids: ['u0'] },
        { speaker: 'Speaker 1', name: 'Speaker', kind: 'introduced', ids: ['u1'] },
      ],
    });
    harness = await startHarness({ brain });
    const engine = new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini' });

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(draft.speakerNames?.map((p) => `${p.speakerId}=${p.name}`)).toEqual(['spk_0=Alice']);
  });

  it('carries proposed names from the parts of a long meeting through the merge', async () => {
    harness = await startHarness();
    const lines: [string, number, string][] = [];
    for (let i = 0; i < 400; i += 1) lines.push([`Speaker ${i % 3}`, i * 4, i === 1 ? "Hello, I'm Priya from finance." : `Point ${i}: the numbers for the quarter look fine to me.`]);
    const long = meeting(lines);
    const engine = new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini', chunkTokens: 1_000 });

    const draft = await engine.understand(long, { meetingDate: MEETING_DATE });

    const merge = harness.server.requests.map((r) => r.body as unknown as ChatRequest).find((b) => b.messages[0]?.content?.includes('Merge them'));
    expect(merge?.messages[1]?.content).toContain('name: S2=Priya (introduced) [u1]');
    expect(draft.speakerNames).toEqual([{ speakerId: 'spk_1', currentName: 'Speaker 1', name: 'Priya', confidence: 0.86, evidence: [{ utteranceId: 'u1', kind: 'introduced' }] }]);
    expect(draft.summary.sections?.overview.length).toBeGreaterThan(0);
    expect(draft.summary.sections?.keyPoints.length).toBeGreaterThan(1);
  });

  it.each<[string, Fault]>([
    ['a refusal', { kind: 'refusal' }],
    ['a timeout', { kind: 'hang' }],
  ])('falls back to the offline engine on %s, which proposes names itself', async (_, fault) => {
    harness = await startHarness({ brain: notes });
    harness.server.setFault(fault);
    const engine = new FallbackUnderstander(new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini', maxRetries: 0, timeoutMs: 300 }), new ExtractiveUnderstander());

    const draft = groundDraft(standup, await engine.understand(standup, { meetingDate: MEETING_DATE })).draft;

    expect(harness.server.requests).toHaveLength(1);
    expect(draft.engine).toBe('aftercall-extractive@1');
    expect(draft.speakerNames?.find((p) => p.name === 'Alice')).toMatchObject({ speakerId: 'spk_0', evidence: [{ utteranceId: 'u0', kind: 'introduced' }] });
    expect(draft.summary.text).not.toContain('The team checked the release');
  });

  it('does not fall back when citations stay wrong after the repair: the ungrounded part is dropped, the rest is the model\'s', async () => {
    harness = await startHarness({ brain: notes });
    harness.server.setFault({ kind: 'wrongIds' }, { times: 2 });
    const engine = new FallbackUnderstander(new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini' }), new ExtractiveUnderstander());

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(harness.server.requests).toHaveLength(2);
    expect(draft.engine).toBeUndefined();
    expect(draft.speakerNames).toEqual([]);
    expect(draft.summary.sentences).toEqual([]);
  });
});
