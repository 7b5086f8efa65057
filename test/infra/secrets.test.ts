import { afterEach, describe, expect, it } from 'vitest';
import { loadProviderSecrets, readProviderSecrets, resetProviderSecrets, SecretFormatError, type SecretSource } from '../../lib/adapters/secretsmanager/providerSecrets.js';
import { loadConfig } from '../../lib/config/config.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:aftercall-abc';

/** A fake Secrets Manager: counts reads, answers one string. */
function fakeSource(value: string | undefined | Error) {
  const reads: string[] = [];
  const source: SecretSource = {
    getSecretString: async (id) => {
      reads.push(id);
      if (value instanceof Error) throw value;
      return value;
    },
  };
  return { source, reads };
}

describe('provider keys from Secrets Manager', () => {
  afterEach(() => resetProviderSecrets());

  it('keeps the known provider keys with values, dropping empty placeholders and unknown keys', async () => {
    const { source } = fakeSource(JSON.stringify({ DEEPGRAM_API_KEY: 'dg-key', OPENAI_API_KEY: '', AFTERCALL_BUCKET: 'evil-bucket', AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-length' }));
    expect(await readProviderSecrets(source, ARN)).toEqual({ DEEPGRAM_API_KEY: 'dg-key', AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-length' });
  });

  it('merges into the config over the environment, leaving the other settings to the environment', async () => {
    const { source } = fakeSource(JSON.stringify({ DEEPGRAM_API_KEY: 'from-secret', PINECONE_API_KEY: 'pc-key' }));
    const env = { AFTERCALL_SECRET_ARN: ARN, DEEPGRAM_API_KEY: 'stale-from-env', AFTERCALL_BUCKET: 'my-recordings' };
    const config = loadConfig(env, await loadProviderSecrets(env, () => source));
    expect(config.DEEPGRAM_API_KEY).toBe('from-secret');
    expect(config.PINECONE_API_KEY).toBe('pc-key');
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.AFTERCALL_BUCKET).toBe('my-recordings');
  });

  it('reads the secret once per container', async () => {
    const { source, reads } = fakeSource(JSON.stringify({ OPENAI_API_KEY: 'sk-1' }));
    const env = { AFTERCALL_SECRET_ARN: ARN };
    await loadProviderSecrets(env, () => source);
    await loadProviderSecrets(env, () => source);
    expect(reads).toEqual([ARN]);
  });

  it('reads nothing where the function was given no secret', async () => {
    const { source, reads } = fakeSource(new Error('no access'));
    expect(await loadProviderSecrets({}, () => source)).toEqual({});
    expect(reads).toEqual([]);
  });

  it('tries again after a failed read instead of caching the failure', async () => {
    const env = { AFTERCALL_SECRET_ARN: ARN };
    await expect(loadProviderSecrets(env, () => fakeSource(new Error('throttled')).source)).rejects.toThrow('throttled');
    expect(await loadProviderSecrets(env, () => fakeSource(JSON.stringify({ OPENAI_API_KEY: 'sk-2' })).source)).toEqual({ OPENAI_API_KEY: 'sk-2' });
  });

  it('refuses a secret that is not a JSON object, without echoing its value', async () => {
    await expect(readProviderSecrets(fakeSource('sk-raw-key-pasted').source, ARN)).rejects.toThrow(SecretFormatError);
    await expect(readProviderSecrets(fakeSource('sk-raw-key-pasted').source, ARN)).rejects.not.toThrow(/sk-raw/);
    await expect(readProviderSecrets(fakeSource('["a"]').source, ARN)).rejects.toThrow(SecretFormatError);
    await expect(readProviderSecrets(fakeSource(undefined).source, ARN)).rejects.toThrow(SecretFormatError);
  });

  it('lets config validation reject a callback secret that is too short', async () => {
    const env = { AFTERCALL_SECRET_ARN: ARN };
    const secrets = await loadProviderSecrets(env, () => fakeSource(JSON.stringify({ AFTERCALL_CALLBACK_SECRET: 'short' })).source);
    expect(() => loadConfig(env, secrets)).toThrow(/AFTERCALL_CALLBACK_SECRET/);
  });
});
