import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer } from '../../../lib/domain/ask/passages.js';
import { silentWav } from '../../../lib/bench/silentWav.js';
import { askOverHttp, vttOf } from '../../support/askOverHttp.js';
import { groundedAnswer } from '../../support/fakes/fakeAskBrain.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fakes/fakeOpenAiServer.js';
import { startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

const BUDGET = vttOf([
  ['Laura', 'The plastic casing costs twelve euros, which blows the budget completely.'],
  ['David', 'A rubber casing from the other factory would be much cheaper for us.'],
  ['Laura', 'Then we order the rubber casing and I send the new costs by Friday.'],
]);
const HIRING = vttOf([
  ['Ann', 'We interviewed three candidates for the designer position this week.'],
  ['Ben', 'The second candidate had the strongest portfolio of them all.'],
]);

describe('POST /api/ask, offline (extractive)', () => {
  let fixture: StackFixture;
  let base: string;
  let member: string;
  let budget: string;
  let hiring: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    budget = (await fixture.process('recordings/budget.wav', silentWav(1), { ext: 'vtt', text: BUDGET })).meetingId;
    hiring = (await fixture.process('recordings/hiring.wav', silentWav(1), { ext: 'vtt', text: HIRING })).meetingId;
    member = await fixture.apiKey({ role: 'member' });
  });
  afterAll(() => fixture.close());

  it('streams passages, cited sentences and the whole answer as server-sent events to a member key', async () => {
    const response = await askOverHttp(base, member, { question: 'How much does the rubber casing cost?' });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/event-stream');
    const events = response.events();
    expect(events.map((event) => event.event)).toEqual(['passages', ...events.slice(1, -1).map((event) => event.event), 'done']);
    expect(events.filter((event) => event.event === 'sentence').length).toBeGreaterThan(0);
    const answer = events.at(-1)!.data as AskAnswer;
    expect(answer).toMatchObject({ answered: true, answeredBy: 'extractive', notice: expect.stringContaining('Extractive answer') });
    expect(answer.sentences[0]!.text).toContain('«rubber casing»');
    const cited = answer.sentences.flatMap((sentence) => sentence.citations);
    expect(cited.every((citation) => citation.meetingId === budget && citation.link === `/meetings/${budget}?t=${citation.startMs}`)).toBe(true);
    // The deltas spell out the sentences.
    const streamed = events.filter((event) => event.event === 'delta').map((event) => (event.data as { text: string }).text).join('');
    expect(streamed).toBe(answer.sentences.map((sentence) => sentence.text).join(''));
  });

  it('answers with JSON when the client asks for it, and keeps to one meeting', async () => {
    const response = await askOverHttp(base, member, { question: 'casing for the designer candidates', meetingId: hiring }, { json: true });
    expect(response.status).toBe(200);
    const answer = response.json() as unknown as AskAnswer;
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.every((passage) => passage.meetingId === hiring)).toBe(true);
  });

  it('says so when nothing relevant is found', async () => {
    const answer = (await askOverHttp(base, member, { question: 'xylophone quantum' }, { json: true })).json() as unknown as AskAnswer;
    expect(answer).toMatchObject({ answered: false, text: 'No passage in the archive answers this.', sentences: [] });
  });

  it('scopes by recording date, and refuses bad input with 400 and an unknown meeting with 404', async () => {
    const future = (await askOverHttp(base, member, { question: 'rubber casing', from: '2999-01-01' }, { json: true })).json() as unknown as AskAnswer;
    expect(future).toMatchObject({ answered: false, passages: [] });
    for (const body of [{}, { question: '' }, { question: 'x'.repeat(1001) }, { question: 'casing', colour: 'red' }, { question: 'casing', from: 'yesterday' }]) {
      expect((await askOverHttp(base, member, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await askOverHttp(base, member, { question: 'casing', meetingId: 'mtg_000000000000000000000000' })).status).toBe(404);
    expect((await askOverHttp(base, 'ak_nope', { question: 'casing' })).status).toBe(401);
  });

  it("records an admin's ask (who, when, what question, which meeting) in the audit log, and not a member's", async () => {
    const admin = await fixture.apiKey({ role: 'admin' });
    const audit = async () =>
      ((await (await fetch(`${base}/api/audit?action=archive.ask`, { headers: { Authorization: `Bearer ${admin}` } })).json()) as { entries: Record<string, unknown>[] }).entries;
    const before = (await audit()).length;
    expect((await askOverHttp(base, member, { question: 'rubber casing' }, { json: true })).status).toBe(200);
    expect(await audit()).toHaveLength(before);
    expect((await askOverHttp(base, admin, { question: 'what does the rubber casing cost?', meetingId: budget }, { json: true })).status).toBe(200);
    const entries = await audit();
    expect(entries).toHaveLength(before + 1);
    expect(entries.find((entry) => JSON.stringify(entry).includes('rubber casing cost'))).toMatchObject({
      action: 'archive.ask',
      actor: { type: 'apiKey', role: 'admin' },
      target: { type: 'meeting', id: budget },
      details: { question: 'what does the rubber casing cost?' },
      at: expect.any(String),
    });
  });

  it('is in the OpenAPI document with its request schema and both response types', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, { post?: { requestBody?: unknown; responses?: Record<string, { content?: Record<string, unknown> }> } }> };
    const ask = doc.paths['/ask']?.post;
    expect(JSON.stringify(ask?.requestBody)).toContain('AskRequest');
    expect(Object.keys(ask?.responses?.['200']?.content ?? {}).sort()).toEqual(['application/json', 'text/event-stream']);
  });
});

describe('POST /api/ask with a model (OpenAI wire format on loopback)', () => {
  let openai: FakeOpenAiServer;
  let fixture: StackFixture;

  beforeAll(async () => {
    openai = await startFakeOpenAiServer({ text: groundedAnswer });
    fixture = await startStackFixture({
      http: true,
      port: 0,
      env: { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.url, AFTERCALL_EMBEDDER: 'lexical' },
    });
    await fixture.process('recordings/budget.wav', silentWav(1), { ext: 'vtt', text: BUDGET });
  });
  afterAll(async () => {
    await fixture.close();
    await openai.close();
  });

  it('streams the model’s grounded sentences token by token, dropping one that cites an id never given', async () => {
    const key = await fixture.apiKey({ role: 'member' });
    const response = await askOverHttp(fixture.stack.httpUrl ?? '', key, { question: 'rubber casing cost' });
    const events = response.events();
    const answer = events.at(-1)!.data as AskAnswer;
    expect(answer).toMatchObject({ answered: true, answeredBy: 'model', notice: null, label: 'AI-generated — may be inaccurate', generatedBy: { engine: 'openai', aiGenerated: true } });
    expect(events.filter((event) => event.event === 'delta').length).toBeGreaterThan(answer.sentences.length);
    const request = openai.requests.find((recorded) => recorded.body.stream === true);
    expect(JSON.stringify(request?.body.messages)).toContain('rubber casing');

    openai.setFault({ kind: 'wrongIds' });
    const hallucinated = (await askOverHttp(fixture.stack.httpUrl ?? '', key, { question: 'rubber casing cost' }, { json: true })).json() as unknown as AskAnswer;
    expect(hallucinated).toMatchObject({ answered: false, answeredBy: 'model', text: 'No passage in the archive answers this.' });
    expect(hallucinated.droppedSentences).toBeGreaterThan(0);
  });
});
