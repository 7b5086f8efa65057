import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiClient } from '../../../lib/adapters/openai/createOpenAiClient.js';
import { redactSecrets, toDomainError } from '../../../lib/adapters/openai/errors.js';
import { ProviderRejectedError } from '../../../lib/domain/errors.js';
import { ProviderAuthError, ProviderUnavailableError } from '../../../lib/domain/errors.js';
import type { Fault } from '../../support/fakes/fakeOpenAiServer.js';
import { startHarness, type Harness } from './support.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

/** What the real SDK throws for a fault, mapped. */
async function mapped(fault: Fault): Promise<Error> {
  harness ??= await startHarness();
  harness.server.setFault(fault);
  const failure = await harness.client.embeddings.create({ model: 'm', input: ['x'] }, { maxRetries: 0 }).then(
    () => new Error('no error'),
    (error: unknown) => toDomainError(error, { what: 'test call', apiKey: harness?.client.apiKey ?? '' }),
  );
  return failure;
}

describe('toDomainError over the errors the real SDK throws', () => {
  it.each([
    [429, 'rate_limit_exceeded', ProviderUnavailableError],
    [500, undefined, ProviderUnavailableError],
    [503, undefined, ProviderUnavailableError],
    [408, undefined, ProviderUnavailableError],
    [401, 'invalid_api_key', ProviderAuthError],
    [403, undefined, ProviderAuthError],
    [429, 'insufficient_quota', ProviderAuthError],
    [400, 'context_length_exceeded', ProviderRejectedError],
    [404, 'model_not_found', ProviderRejectedError],
  ] as const)('maps %i %s to %O', async (status, code, expected) => {
    const error = await mapped({ kind: 'status', status, ...(code === undefined ? {} : { code }) });
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toContain(`OpenAI answered ${status}`);
    expect(error.message).toMatch(/\[request req_fake_\d+\]/);
  });

  it('maps a server that cannot be reached, and one that never answers, to transient errors', async () => {
    const port = await freePort();
    const unreachable = createOpenAiClient({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}/v1` });
    const refused = await unreachable.embeddings.create({ model: 'm', input: ['x'] }, { maxRetries: 0 }).catch((e: unknown) => toDomainError(e, { what: 'call', apiKey: 'k' }));
    expect(refused).toBeInstanceOf(ProviderUnavailableError);
    expect((refused as Error).message).toContain('could not reach OpenAI');

    harness = await startHarness();
    harness.server.setFault({ kind: 'hang' });
    const slow = await harness.client.embeddings.create({ model: 'm', input: ['x'] }, { maxRetries: 0, timeout: 100 }).catch((e: unknown) => toDomainError(e, { what: 'call', apiKey: 'k' }));
    expect(slow).toBeInstanceOf(ProviderUnavailableError);
    expect((slow as Error).message).toContain('did not answer in time');
  });

  it('never repeats the key, even when the server echoes it', async () => {
    harness = await startHarness();
    const key = 'sk-proj-abcdefghijklmnop1234';
    const client = createOpenAiClient({ apiKey: key, baseURL: harness.server.url });
    const error = await client.embeddings.create({ model: 'm', input: ['x'] }, { maxRetries: 0 }).catch((e: unknown) => toDomainError(e, { what: 'call', apiKey: key }));

    expect(error).toBeInstanceOf(ProviderAuthError);
    expect((error as Error).message).not.toContain(key);
    expect((error as Error).message).not.toContain('abcdefghijklmnop');
    expect((error as Error).cause).toBeUndefined();
    expect(redactSecrets('key sk-live-123456 and Bearer abc.def', 'nothing')).toBe('key [redacted] and [redacted]');
  });

  it('passes our own errors and programming errors through unchanged', () => {
    const ours = new ProviderRejectedError('refused');
    const bug = new TypeError('bug');
    expect(toDomainError(ours, { what: 'x', apiKey: 'k' })).toBe(ours);
    expect(toDomainError(bug, { what: 'x', apiKey: 'k' })).toBe(bug);
  });

  it('validates the client options', () => {
    expect(() => createOpenAiClient({ apiKey: '' })).toThrow(/API key is required/);
    expect(() => createOpenAiClient({ apiKey: 'k', baseURL: 'not a url' })).toThrow(RangeError);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
