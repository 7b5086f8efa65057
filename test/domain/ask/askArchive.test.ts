import { beforeEach, describe, expect, it } from 'vitest';
import { askArchive, EXTRACTIVE_NOTICE, type AskDeps, type AskEvent, type AskInput } from '../../../lib/domain/ask/askArchive.js';
import { ExtractiveAnswerer } from '../../../lib/domain/ask/ExtractiveAnswerer.js';
import { NO_ANSWER_TEXT, type AskAnswer, type Passage } from '../../../lib/domain/ask/passages.js';
import type { TranscriptSource } from '../../../lib/domain/ask/retrievePassages.js';
import { ProviderRejectedError, ProviderUnavailableError } from '../../../lib/domain/errors.js';
import type { Answerer, DraftEvent } from '../../../lib/domain/ports/Answerer.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { indexMeeting } from '../../../lib/domain/search/indexMeeting.js';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';
import { InMemoryHybridIndex, transcriptOf } from '../search/fixtures.js';

const budget = transcriptOf('budget', [
  ['Laura', 'The plastic casing costs twelve euros, which blows the budget completely.'],
  ['David', 'A rubber casing from the other factory would be much cheaper for us.'],
  ['Laura', 'Then we order the rubber casing and I send the new costs by Friday.'],
]);
const hiring = transcriptOf('hiring', [
  ['Ann', 'We interviewed three candidates for the designer position this week.'],
  ['Ben', 'The second candidate had the strongest portfolio of them all.'],
]);
const otherTenant = transcriptOf('rival', [['Eve', 'Our secret casing supplier charges four euros for a rubber casing.']]);

const SCRIPTED_MODEL = { engine: 'openai', model: 'scripted', version: null, aiGenerated: true };

/** An answerer that writes what the test scripts, and then perhaps fails. */
function scripted(events: DraftEvent[], failure?: Error): Answerer {
  return {
    kind: 'model',
    generatedBy: SCRIPTED_MODEL,
    async *answer() {
      for (const event of events) yield event;
      if (failure) throw failure;
    },
  };
}

async function run(deps: AskDeps, input: AskInput): Promise<{ events: AskEvent[]; answer: AskAnswer }> {
  const events: AskEvent[] = [];
  const stream = askArchive(deps, input);
  for (;;) {
    const next = await stream.next();
    if (next.done) return { events, answer: next.value };
    events.push(next.value);
  }
}

describe('askArchive', () => {
  const embedder = new HashedTermEmbedder();
  let index: InMemoryHybridIndex;
  const transcripts: Record<string, Record<string, Transcript>> = { t1: { budget, hiring }, t2: { rival: otherTenant } };
  const source: TranscriptSource = async (tenantId, meetingId) => transcripts[tenantId]?.[meetingId] ?? null;
  const deps = (answerer: Answerer = new ExtractiveAnswerer(), fallback: Answerer | null = new ExtractiveAnswerer()): AskDeps => ({
    embedder,
    index,
    transcripts: source,
    answerer,
    fallback,
  });

  beforeEach(async () => {
    index = new InMemoryHybridIndex();
    await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: budget });
    await indexMeeting({ embedder, index }, { tenantId: 't1', transcript: hiring });
    await indexMeeting({ embedder, index }, { tenantId: 't2', transcript: otherTenant });
  });

  it('answers offline with quoted sentences, the question’s words marked, each citing a retrieved passage with a link to the moment', async () => {
    const { events, answer } = await run(deps(), { tenantId: 't1', question: 'How much does the rubber casing cost?' });
    expect(answer).toMatchObject({ answered: true, answeredBy: 'extractive', notice: EXTRACTIVE_NOTICE, droppedSentences: 0 });
    expect(answer.sentences.length).toBeGreaterThan(0);
    expect(answer.sentences[0]!.text).toMatch(/«rubber casing»/);
    const retrieved = new Map(answer.passages.map((passage) => [passage.id, passage]));
    for (const sentence of answer.sentences) {
      expect(sentence.citations.length).toBeGreaterThan(0);
      for (const citation of sentence.citations) {
        const passage = retrieved.get(citation.passageId)!;
        expect(passage.meetingId).toBe(citation.meetingId);
        expect(citation.utteranceIds.every((id) => passage.lines.some((line) => line.utteranceId === id))).toBe(true);
        expect(citation.link).toBe(`/meetings/${citation.meetingId}?t=${citation.startMs}`);
      }
    }
    expect(events[0]).toEqual({ type: 'passages', passages: answer.passages });
    expect(events.at(-1)).toEqual({ type: 'done', answer });
  });

  it('says so when nothing relevant is retrieved instead of guessing', async () => {
    const { answer } = await run(deps(), { tenantId: 't1', question: 'xylophone quantum' });
    expect(answer).toMatchObject({ answered: false, text: NO_ANSWER_TEXT, sentences: [] });
  });

  it('keeps to one meeting, and never reads another tenant’s', async () => {
    const one = await run(deps(), { tenantId: 't1', question: 'casing for the designer candidates', meetingId: 'hiring' });
    expect(new Set(one.answer.passages.map((passage) => passage.meetingId))).toEqual(new Set(['hiring']));
    const all = await run(deps(), { tenantId: 't1', question: 'secret casing supplier four euros' });
    expect(all.answer.passages.every((passage) => passage.meetingId !== 'rival')).toBe(true);
    expect(JSON.stringify([all.answer.sentences, all.answer.passages])).not.toContain('supplier');
  });

  it('drops a sentence citing a passage that was not retrieved, and none of its words are streamed', async () => {
    const model = scripted([
      { type: 'sentence', passageIds: ['99'] },
      { type: 'text', text: 'The casing is free.' },
      { type: 'sentence', passageIds: ['1', '42'] },
      { type: 'text', text: 'Rubber is ' },
      { type: 'text', text: 'cheaper.' },
    ]);
    const { events, answer } = await run(deps(model), { tenantId: 't1', question: 'rubber casing cost' });
    expect(answer).toMatchObject({ answered: true, answeredBy: 'model', droppedSentences: 1, notice: null, text: 'Rubber is cheaper.' });
    expect(answer).toMatchObject({ generatedBy: SCRIPTED_MODEL, label: 'AI-generated — may be inaccurate' });
    expect(answer.sentences[0]!.citations.map((citation) => citation.passageId)).toEqual(['1']);
    expect(JSON.stringify(events)).not.toContain('free');
  });

  it('says so when the model finds no answer in the passages', async () => {
    const { answer } = await run(deps(scripted([{ type: 'noAnswer' }])), { tenantId: 't1', question: 'rubber casing cost' });
    expect(answer).toMatchObject({ answered: false, answeredBy: 'model', text: NO_ANSWER_TEXT });
  });

  it('falls back to the extractive answer, saying so, when the model fails before its first sentence', async () => {
    const { answer } = await run(deps(scripted([], new ProviderUnavailableError('OpenAI did not answer in time'))), { tenantId: 't1', question: 'rubber casing cost' });
    expect(answer).toMatchObject({ answered: true, answeredBy: 'extractive' });
    expect(answer.notice).toBe('The model did not answer (the model was unavailable or too slow); this answer is extractive instead.');
    expect(answer.generatedBy).toMatchObject({ engine: 'aftercall-extractive', aiGenerated: true });
  });

  it('keeps what the model wrote and says the answer stopped early when it fails midway', async () => {
    const model = scripted([{ type: 'sentence', passageIds: ['1'] }, { type: 'text', text: 'Rubber is cheaper.' }], new ProviderRejectedError('content filter'));
    const { answer } = await run(deps(model), { tenantId: 't1', question: 'rubber casing cost' });
    expect(answer).toMatchObject({ answeredBy: 'model', text: 'Rubber is cheaper.', notice: 'The answer stopped early: the model declined to answer.' });
  });

  it('fails without a fallback, and refuses an empty question', async () => {
    await expect(run(deps(scripted([], new ProviderUnavailableError('down')), null), { tenantId: 't1', question: 'rubber casing' })).rejects.toThrow('down');
    await expect(run(deps(), { tenantId: 't1', question: '   ' })).rejects.toMatchObject({ name: 'InvalidAskInputError', status: 400 });
  });

  it('gives the answerer passages with the turns they cover, numbered from 1', async () => {
    let seen: readonly Passage[] = [];
    const spy: Answerer = { kind: 'model', generatedBy: SCRIPTED_MODEL, answer: async function* (_question, passages) { seen = passages; yield { type: 'noAnswer' }; } };
    await run(deps(spy), { tenantId: 't1', question: 'rubber casing', passages: 2 });
    expect(seen.map((passage) => passage.id)).toEqual(['1', '2'].slice(0, seen.length));
    expect(seen[0]!.lines[0]).toMatchObject({ utteranceId: expect.stringMatching(/^u\d+$/), speaker: expect.any(String), text: expect.any(String) });
  });
});
