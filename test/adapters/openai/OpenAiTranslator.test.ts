import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiTranslator } from '../../../lib/adapters/openai/OpenAiTranslator.js';
import { ProviderUnavailableError } from '../../../lib/domain/errors.js';
import { withStepAccount } from '../../../lib/domain/usage/usageMeter.js';
import { defaultBrain } from '../../support/fakes/fakeOpenAiBrain.js';
import type { Brain, ChatRequest } from '../../support/fakes/fakeOpenAiServer.js';
import { startHarness, type Harness } from './support.js';

const segments = Array.from({ length: 7 }, (_, i) => ({ id: `u${i}`, text: `Line number ${i}.` }));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

async function setup(brain?: Brain, options: { maxSegments?: number; maxRetries?: number } = {}) {
  harness = await startHarness(brain === undefined ? {} : { brain });
  const translator = new OpenAiTranslator({ client: harness.client, model: 'gpt-4o-mini', ...options });
  return { server: harness.server, translator };
}

/** The default translation, with `mangle` applied to the answer of the first `times` calls. */
function mangledBrain(times: number, mangle: (answer: { segments: { id: string; text: string }[] }) => void): Brain {
  let calls = 0;
  return (request) => {
    const answer = defaultBrain(request) as { segments: { id: string; text: string }[] };
    calls += 1;
    if (calls <= times) mangle(answer);
    return answer;
  };
}

describe('OpenAiTranslator through the SDK against a local OpenAI server', () => {
  it('returns every id once, in order, translated, in one strict structured call', async () => {
    const { server, translator } = await setup();

    const lines = await translator.translate({ language: 'fr', segments });

    expect(lines).toEqual(segments.map((s) => ({ id: s.id, text: `[fr] ${s.text}` })));
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]?.body as unknown as ChatRequest;
    expect(body.response_format?.json_schema).toMatchObject({ name: 'translation', strict: true });
    expect(body.messages[0]?.content).toContain('French (fr)');
    expect(translator.name).toBe('openai:gpt-4o-mini');
  });

  it('splits a long request into batches and keeps the order', async () => {
    const { server, translator } = await setup(undefined, { maxSegments: 3 });

    const lines = await translator.translate({ language: 'de', segments });

    expect(server.requests).toHaveLength(3);
    expect(lines.map((l) => l.id)).toEqual(segments.map((s) => s.id));
    expect(lines.every((l) => l.text.startsWith('[de] '))).toBe(true);
  });

  it('repairs an answer that lost an id and repeated another', async () => {
    const brain = mangledBrain(1, (answer) => {
      answer.segments.pop();
      answer.segments.push({ id: 'u0', text: 'again' });
    });
    const { server, translator } = await setup(brain);

    const lines = await translator.translate({ language: 'fr', segments });

    expect(lines.map((l) => l.id)).toEqual(segments.map((s) => s.id));
    expect(server.requests).toHaveLength(2);
    const repair = (server.requests[1]?.body as unknown as ChatRequest).messages.at(-1)?.content ?? '';
    expect(repair).toContain('missing ids: u6');
    expect(repair).toContain('ids given more than once: u0');
  });

  it('rejects, as transient, an answer whose ids are still wrong after the repair', async () => {
    const { server, translator } = await setup();
    server.setFault({ kind: 'wrongIds' }, { times: 2 });

    await expect(translator.translate({ language: 'fr', segments })).rejects.toThrow(ProviderUnavailableError);
    await expect(translator.translate({ language: 'fr', segments })).resolves.toHaveLength(segments.length);
    expect(server.requests).toHaveLength(3);
  });

  it("fails the whole language when one batch fails, without retrying (the workflow's Map does)", async () => {
    const { server, translator } = await setup(undefined, { maxSegments: 3 });
    server.setFault({ kind: 'status', status: 500 }, { after: 1 });

    await expect(translator.translate({ language: 'fr', segments })).rejects.toThrow(ProviderUnavailableError);
    // The first batch, the failing second one (no SDK retry), and nothing for the third.
    expect(server.requests).toHaveLength(2);
  });

  it('makes no call for nothing to translate, and meters the tokens of each call', async () => {
    const { server, translator } = await setup(undefined, { maxSegments: 4 });
    expect(await translator.translate({ language: 'fr', segments: [] })).toEqual([]);
    expect(server.requests).toHaveLength(0);

    const { account } = await withStepAccount(() => translator.translate({ language: 'fr', segments }));

    expect(account.usage.map((l) => l.unit)).toEqual(['input_tokens', 'output_tokens', 'input_tokens', 'output_tokens']);
    expect(account.retries).toBe(0);
  });
});
