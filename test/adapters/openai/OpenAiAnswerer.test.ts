import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiAnswerer } from '../../../lib/adapters/openai/OpenAiAnswerer.js';
import { askArchive, type AskEvent } from '../../../lib/domain/ask/askArchive.js';
import { ExtractiveAnswerer } from '../../../lib/domain/ask/ExtractiveAnswerer.js';
import type { AskAnswer, Passage } from '../../../lib/domain/ask/passages.js';
import type { DraftEvent } from '../../../lib/domain/ports/Answerer.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import { InMemoryHybridIndex, transcriptOf } from '../../domain/search/fixtures.js';
import { groundedAnswer } from '../../support/fakes/fakeAskBrain.js';
import type { ChatRequest } from '../../support/fakes/fakeOpenAiServer.js';
import { startHarness, type Harness } from './support.js';

const passages: Passage[] = [
  { id: '1', meetingId: 'budget', startMs: 0, endMs: 9_000, score: 1, lines: [{ utteranceId: 'u0', speaker: 'Laura', startMs: 0, text: 'The plastic casing costs twelve euros.' }] },
  { id: '2', meetingId: 'budget', startMs: 10_000, endMs: 19_000, score: 0.5, lines: [{ utteranceId: 'u1', speaker: 'David', startMs: 10_000, text: 'Rubber would be cheaper.' }] },
];

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

async function drafts(answerer: OpenAiAnswerer, question = 'How much does the casing cost?'): Promise<DraftEvent[]> {
  const events: DraftEvent[] = [];
  for await (const event of answerer.answer(question, passages)) events.push(event);
  return events;
}

describe('OpenAiAnswerer against the OpenAI wire format (streamed chat.completion.chunk events)', () => {
  it('streams a grounded prompt’s answer as cited sentences through the real SDK, and meters its tokens', async () => {
    harness = await startHarness({ text: () => '[1] The plastic casing costs twelve euros.\n[1][2] Rubber would be cheaper.' });
    const answerer = new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini' });
    const { value: events, account } = await withStepAccount(() => drafts(answerer));
    expect(events.filter((event) => event.type === 'sentence')).toEqual([
      { type: 'sentence', passageIds: ['1'] },
      { type: 'sentence', passageIds: ['1', '2'] },
    ]);
    expect(events.filter((event) => event.type === 'text').map((event) => (event as { text: string }).text).join('')).toBe('The plastic casing costs twelve euros.Rubber would be cheaper.');
    // About a token a chunk: the words arrive in pieces, not at the end.
    expect(events.filter((event) => event.type === 'text').length).toBeGreaterThan(10);

    const [request] = harness.server.requests;
    expect(request?.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } });
    const prompt = JSON.stringify(request?.body.messages);
    expect(prompt).toContain('<passage id=\\"1\\" meeting=\\"budget\\" at=\\"0:00\\">\\nLaura: The plastic casing costs twelve euros.');
    expect(prompt).toContain('NO_ANSWER');
    expect(account.usage.map((line) => line.unit).sort()).toEqual(['input_tokens', 'output_tokens']);
  });

  it('drops a sentence citing an id that was never given (the model hallucinated it), keeping the grounded ones', async () => {
    harness = await startHarness({ text: groundedAnswer });
    const deps = await archiveDeps(new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini' }));
    harness.server.setFault({ kind: 'wrongIds' });
    const { answer, events } = await ask(deps, 'rubber casing cost');
    expect(answer).toMatchObject({ answered: false, answeredBy: 'model' });
    expect(answer.droppedSentences).toBeGreaterThan(0);
    expect(events.some((event) => event.type === 'delta')).toBe(false);

    const grounded = await ask(deps, 'rubber casing cost');
    expect(grounded.answer).toMatchObject({ answered: true, answeredBy: 'model', droppedSentences: 0, notice: null });
    expect(grounded.answer.sentences[0]!.text).toMatch(/^\w+ said that /);
  });

  it('takes a refusal as final (ProviderRejectedError); the ask falls back to the extractive answer and says why', async () => {
    harness = await startHarness({ text: groundedAnswer });
    const answerer = new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini' });
    harness.server.setFault({ kind: 'refusal' });
    await expect(drafts(answerer)).rejects.toMatchObject({ name: 'ProviderRejectedError', message: expect.stringContaining('refused') });

    harness.server.setFault({ kind: 'refusal' });
    const { answer } = await ask(await archiveDeps(answerer), 'rubber casing cost');
    expect(answer).toMatchObject({ answered: true, answeredBy: 'extractive', notice: 'The model did not answer (the model declined to answer); this answer is extractive instead.' });
  });

  it('times out a model that never answers, and one that stalls midway, as ProviderUnavailableError', async () => {
    harness = await startHarness({ text: groundedAnswer });
    const answerer = new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini', stallTimeoutMs: 300 });
    harness.server.setFault({ kind: 'hang' });
    await expect(drafts(answerer)).rejects.toMatchObject({ name: 'ProviderUnavailableError' });
    harness.server.setFault({ kind: 'stall' });
    await expect(drafts(answerer)).rejects.toMatchObject({ name: 'ProviderUnavailableError', message: expect.stringContaining('sent nothing for 300 ms') });

    harness.server.setFault({ kind: 'stall' });
    const started = Date.now();
    const { answer } = await ask(await archiveDeps(answerer), 'rubber casing cost');
    expect(answer, JSON.stringify(answer)).toMatchObject({ answered: true, answeredBy: 'extractive', notice: expect.stringContaining('unavailable or too slow') });
    expect(harness.server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops at a content filter, and says when the passages do not answer', async () => {
    harness = await startHarness({ text: (request: ChatRequest) => (JSON.stringify(request.messages).includes('xylophone') ? 'NO_ANSWER' : groundedAnswer(request)) });
    const answerer = new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini' });
    harness.server.setFault({ kind: 'contentFilter' });
    await expect(drafts(answerer)).rejects.toMatchObject({ name: 'ProviderRejectedError' });
    expect(await drafts(answerer, 'xylophone')).toEqual([{ type: 'noAnswer' }]);
  });

  it('never passes the key on in an error (some compatible servers echo it)', async () => {
    harness = await startHarness({ text: groundedAnswer });
    const answerer = new OpenAiAnswerer({ client: harness.client, model: 'gpt-4o-mini' });
    harness.server.setFault({ kind: 'status', status: 400, message: `bad request for key ${harness.server.apiKey}` });
    const error = (await drafts(answerer).catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ name: 'ProviderRejectedError' });
    expect(error.message).not.toContain(harness.server.apiKey);
  });
});

async function archiveDeps(answerer: OpenAiAnswerer) {
  const embedder = new HashedTermEmbedder();
  const index = new InMemoryHybridIndex();
  const transcript = transcriptOf('budget', [
    ['Laura', 'The plastic casing costs twelve euros, which blows the budget completely.'],
    ['David', 'A rubber casing from the other factory would be much cheaper for us.'],
  ]);
  await indexMeeting({ embedder, index }, { tenantId: 't1', transcript });
  return { embedder, index, transcripts: async () => transcript, answerer, fallback: new ExtractiveAnswerer() };
}

async function ask(deps: Awaited<ReturnType<typeof archiveDeps>>, question: string): Promise<{ answer: AskAnswer; events: AskEvent[] }> {
  const events: AskEvent[] = [];
  for await (const event of askArchive(deps, { tenantId: 't1', question })) events.push(event);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('no answer');
  return { answer: done.answer, events };
}
