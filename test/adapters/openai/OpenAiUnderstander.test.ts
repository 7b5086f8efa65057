import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiClient } from '../../../lib/adapters/openai/createOpenAiClient.js';
import { ProviderRejectedError } from '../../../lib/domain/errors.js';
import { OpenAiUnderstander } from '../../../lib/adapters/openai/OpenAiUnderstander.js';
import { ProviderAuthError, ProviderUnavailableError } from '../../../lib/domain/errors.js';
import type { UnderstandingDraft } from '../../../lib/domain/ports/Understander.js';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import type { Brain, ChatRequest } from '../../support/fakes/fakeOpenAiServer.js';
import { MEETING_DATE, meeting, startHarness, syntheticMeeting, type Harness } from './support.js';

const standup = meeting([
  ['Alice', 0, 'Good morning, let us start with the release.'],
  ['Bob', 5, 'The release candidate is ready, tests are green.'],
  ['Alice', 10, 'Great. Carol, what about the docs?'],
  ['Carol', 15, "I'll finish the docs by Friday."],
  ['Bob', 20, 'Next topic: the hiring plan for the data team.'],
  ['Alice', 25, 'We need to post the job ad this week.'],
]);

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

async function setup(options: Parameters<typeof startHarness>[0] = {}, understander: Partial<ConstructorParameters<typeof OpenAiUnderstander>[0]> = {}) {
  harness = await startHarness(options);
  const engine = new OpenAiUnderstander({ client: harness.client, model: 'gpt-4o-mini', ...understander });
  return { server: harness.server, engine };
}

function expectGrounded(draft: UnderstandingDraft, transcript: Transcript): void {
  const byId = new Map(transcript.utterances.map((u) => [u.id, u]));
  const cited = [...draft.summary.sentences, ...draft.actionItems, ...draft.chapters];
  expect(cited.length).toBeGreaterThan(0);
  for (const item of cited) {
    expect(item.utteranceIds.length).toBeGreaterThan(0);
    for (const id of item.utteranceIds) expect(byId.has(id), id).toBe(true);
  }
  for (const item of draft.actionItems) {
    expect(item.startMs).toBe(Math.min(...item.utteranceIds.map((id) => byId.get(id)?.startMs ?? -1)));
  }
  for (const [i, chapter] of draft.chapters.entries()) {
    expect(chapter.startMs).toBe(Math.min(...chapter.utteranceIds.map((id) => byId.get(id)?.startMs ?? -1)));
    expect(chapter.endMs).toBeGreaterThanOrEqual(chapter.startMs);
    expect(chapter.endMs).toBeLessThanOrEqual(transcript.durationMs);
    const next = draft.chapters[i + 1];
    if (next) expect(chapter.endMs).toBe(next.startMs);
  }
}

const userMessage = (request: ChatRequest): string => request.messages.find((m) => m.role === 'user')?.content ?? '';

describe('OpenAiUnderstander through the SDK against a local OpenAI server', () => {
  it('understands a short meeting in one strict structured call, grounded in its utterances', async () => {
    const { server, engine } = await setup();

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]?.body as unknown as ChatRequest;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema).toMatchObject({ name: 'meeting_notes', strict: true });
    expect(userMessage(body)).toContain('[u3 S3] I\'ll finish the docs by Friday.');
    expect(userMessage(body)).toContain('Meeting date: 2025-03-14 (Friday)');
    expectGrounded(draft, standup);
    expect(draft.actionItems).toContainEqual(expect.objectContaining({ owner: 'Carol', dueText: 'by Friday', utteranceIds: ['u3'], startMs: 15_000 }));
    expect(engine.name).toBe('openai:gpt-4o-mini');
  });

  it('map-reduces a three-hour meeting: one call a chunk, each citing only its own lines, then one merge', async () => {
    const { server, engine } = await setup({}, { chunkTokens: 12_000 });
    const transcript = syntheticMeeting(3);

    const draft = await engine.understand(transcript, { meetingDate: MEETING_DATE });

    const bodies = server.requests.map((r) => r.body as unknown as ChatRequest);
    const parts = bodies.filter((b) => /Part \d+ of \d+/.test(userMessage(b)));
    const merges = bodies.filter((b) => b.messages[0]?.content?.includes('Merge them'));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(merges).toHaveLength(1);
    expect(bodies).toHaveLength(parts.length + 1);
    // Chunks split the meeting: every utterance is in exactly one map call.
    const idsPerPart = parts.map((b) => [...userMessage(b).matchAll(/^\[(u\d+) /gm)].map((m) => m[1]));
    expect(idsPerPart.flat()).toHaveLength(transcript.utterances.length);
    expect(new Set(idsPerPart.flat()).size).toBe(transcript.utterances.length);
    expectGrounded(draft, transcript);
    expect(draft.chapters.length).toBeGreaterThanOrEqual(parts.length);
    expect(draft.actionItems.every((item) => item.owner !== null && ['Alice', 'Bob', 'Carol', 'Dave'].includes(item.owner))).toBe(true);
  });

  it('merges notes in rounds when they outgrow one call', async () => {
    // A tiny budget makes many parts whose notes cannot be merged in one call.
    const { server, engine } = await setup({}, { chunkTokens: 500, concurrency: 8 });
    const transcript = syntheticMeeting(0.5);

    const draft = await engine.understand(transcript, { meetingDate: MEETING_DATE });

    const merges = server.requests.filter((r) => (r.body as unknown as ChatRequest).messages[0]?.content?.includes('Merge them'));
    expect(merges.length).toBeGreaterThan(1);
    expectGrounded(draft, transcript);
  });

  it('asks once to repair an answer that cites nothing valid, sending the problems back', async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'wrongIds' });

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]?.body as unknown as ChatRequest;
    expect(repair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair.messages[2]?.content).toContain('u999999');
    expect(repair.messages[3]?.content).toMatch(/cites u999999, not ids of the input/);
    expectGrounded(draft, standup);
  });

  it('drops what is still ungrounded after the one repair', async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'wrongIds' }, { times: 2 });

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(server.requests).toHaveLength(2);
    expect(draft).toEqual({
      summary: { text: '', sentences: [], sections: { overview: [], keyPoints: [], decisions: [], nextSteps: [] } },
      actionItems: [],
      decisions: [],
      chapters: [],
      speakerNames: [],
    });
  });

  it('keeps valid citations of a partly grounded item without a repair, and cleans owners and dates', async () => {
    const brain: Brain = () => ({
      overview: [],
      keyPoints: [{ text: 'The release is ready.', ids: ['u1', 'u42'] }],
      speakerNames: [],
      actionItems: [
        { text: 'Finish the docs', owner: 'S3', dueText: 'by Friday', dueDate: '2025-03-21', ids: ['u3'] },
        { text: 'Post the job ad', owner: 'null', dueText: 'this week', dueDate: '2025-02-30', ids: ['u5', 'u5'] },
      ],
      decisions: [],
      chapters: [
        { title: 'Hiring', ids: ['u4', 'u5'] },
        { title: 'Release', ids: ['u0'] },
        { title: 'Release again', ids: ['u0'] },
      ],
    });
    const { server, engine } = await setup({ brain });

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    expect(server.requests).toHaveLength(1);
    expect(draft.summary.sections?.keyPoints).toEqual([{ text: 'The release is ready.', utteranceIds: ['u1'] }]);
    expect(draft.actionItems).toEqual([
      { text: 'Finish the docs', owner: 'Carol', ownerKind: 'person', dueText: 'by Friday', dueDate: '2025-03-21', utteranceIds: ['u3'], startMs: 15_000 },
      { text: 'Post the job ad', owner: null, dueText: 'this week', dueDate: null, utteranceIds: ['u5'], startMs: 25_000 },
    ]);
    expect(draft.chapters).toEqual([
      { title: 'Release', utteranceIds: ['u0'], startMs: 0, endMs: 20_000 },
      { title: 'Hiring', utteranceIds: ['u4', 'u5'], startMs: 20_000, endMs: standup.durationMs },
    ]);
  });

  it('gives decisions and assignees the same structure and grounding as the offline engine', async () => {
    const brain: Brain = () => ({
      overview: [],
      keyPoints: [{ text: 'The release is ready.', ids: ['u1'] }],
      speakerNames: [],
      actionItems: [
        // A request: the model names the one asked by speaker tag; the group as "everyone".
        { text: 'Finish the docs', owner: 'S3', dueText: 'by Friday', dueDate: '2025-03-21', ids: ['u2', 'u3'] },
        { text: 'Post the job ad', owner: 'everyone', dueText: 'this week', dueDate: null, ids: ['u5'] },
      ],
      decisions: [
        { text: 'Ship the release candidate', ids: ['u1', 'u2'] },
        { text: 'Hire two engineers', ids: ['u77'] },
      ],
      chapters: [{ title: 'Release', ids: ['u0'] }],
    });
    const { server, engine } = await setup({ brain });

    const draft = await engine.understand(standup, { meetingDate: MEETING_DATE });

    // The decision citing only an id that does not exist is asked to be repaired once, then dropped.
    expect(server.requests).toHaveLength(2);
    expect(JSON.stringify(server.requests[1]?.body)).toContain('decisions[1] \\"Hire two engineers\\" cites u77');
    expect(draft.decisions).toEqual([{ text: 'Ship the release candidate', utteranceIds: ['u1', 'u2'], startMs: 5_000 }]);
    expect(draft.actionItems.map(({ text, owner, ownerKind }) => ({ text, owner, ownerKind }))).toEqual([
      { text: 'Finish the docs', owner: 'Carol', ownerKind: 'person' },
      { text: 'Post the job ad', owner: null, ownerKind: 'group' },
    ]);
    expect(draft.actionItems[0]?.startMs).toBe(10_000);
  });

  it('repairs a malformed answer once, and gives up with a transient error when it stays malformed', async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'malformed' });
    expectGrounded(await engine.understand(standup, { meetingDate: MEETING_DATE }), standup);
    expect(server.requests).toHaveLength(2);
    expect((server.requests[1]?.body as unknown as ChatRequest).messages[3]?.content).toContain('not valid JSON');

    server.setFault({ kind: 'malformed' }, { times: 2 });
    await expect(engine.understand(standup, { meetingDate: MEETING_DATE })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(server.requests).toHaveLength(4);
  });

  it('asks for a shorter answer when one is cut off at the output limit', async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'length' });

    expectGrounded(await engine.understand(standup, { meetingDate: MEETING_DATE }), standup);
    expect((server.requests[1]?.body as unknown as ChatRequest).messages[3]?.content).toContain('cut off');
  });

  it('treats a refusal and a content filter as final, without a repair', async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'refusal' });
    await expect(engine.understand(standup, { meetingDate: MEETING_DATE })).rejects.toThrow(ProviderRejectedError);
    expect(server.requests).toHaveLength(1);

    server.setFault({ kind: 'contentFilter' });
    await expect(engine.understand(standup, { meetingDate: MEETING_DATE })).rejects.toThrow(/content filter/);
    expect(server.requests).toHaveLength(2);
  });

  it("honours a 429's retry-after through the SDK's own retry, and counts the retry", async () => {
    const { server, engine } = await setup();
    server.setFault({ kind: 'status', status: 429, retryAfterSeconds: 0.05, code: 'rate_limit_exceeded' });

    const { value, account } = await withStepAccount(() => engine.understand(standup, { meetingDate: MEETING_DATE }));

    expectGrounded(value, standup);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    expect(account.retries).toBe(1);
  });

  it('fails fast instead of sleeping through a retry-after longer than the cap', async () => {
    const { server, engine } = await setup({ maxRetryAfterSeconds: 5 });
    server.setFault({ kind: 'status', status: 429, retryAfterSeconds: 3600 });

    await expect(engine.understand(standup, { meetingDate: MEETING_DATE })).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(server.requests).toHaveLength(1);
  });

  it('throws a transient error once 5xx answers exhaust the retries', async () => {
    const { server, engine } = await setup({}, { maxRetries: 2 });
    server.setFault({ kind: 'status', status: 500, retryAfterSeconds: 0 }, { times: 3 });

    const failure = engine.understand(standup, { meetingDate: MEETING_DATE });

    await expect(failure).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(failure).rejects.toThrow(/OpenAI answered 500/);
    expect(server.requests).toHaveLength(3);
  });

  it('times out a call that never answers', async () => {
    const { server, engine } = await setup({}, { maxRetries: 0, timeoutMs: 200 });
    server.setFault({ kind: 'hang' });

    await expect(engine.understand(standup, { meetingDate: MEETING_DATE })).rejects.toThrow(/did not answer in time/);
    expect(server.requests).toHaveLength(1);
  });

  it('fails for good on a wrong key, without repeating the key', async () => {
    harness = await startHarness();
    const client = createOpenAiClient({ apiKey: 'sk-wrong-key-1234567890', baseURL: harness.server.url });
    const engine = new OpenAiUnderstander({ client, model: 'gpt-4o-mini' });

    const failure = engine.understand(standup, { meetingDate: MEETING_DATE });

    await expect(failure).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(failure).rejects.not.toThrow(/wrong-key/);
    expect(harness.server.requests).toHaveLength(1);
  });

  it("meters every call's input and output tokens on the calling step's account", async () => {
    const { server, engine } = await setup({}, { chunkTokens: 2_000 });
    const transcript = syntheticMeeting(0.3);

    const { account } = await withStepAccount(() => engine.understand(transcript, { meetingDate: MEETING_DATE }));

    const calls = server.requests.length;
    expect(calls).toBeGreaterThan(2);
    expect(account.usage.filter((line) => line.unit === 'input_tokens')).toHaveLength(calls);
    expect(account.usage.filter((line) => line.unit === 'output_tokens')).toHaveLength(calls);
    expect(account.usage.every((line) => line.provider === 'openai' && line.model === 'gpt-4o-mini' && line.quantity > 0)).toBe(true);
  });

  it('makes no call for a meeting with nothing said', async () => {
    const { server, engine } = await setup();
    const draft = await engine.understand(meeting([]), { meetingDate: MEETING_DATE });
    expect(draft.actionItems).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
