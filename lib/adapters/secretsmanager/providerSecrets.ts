import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readSetting } from '../../config/config.js';
import { SECRET_KEYS, type SecretKey } from '../../config/secretKeys.js';
import { InternalError } from '../../domain/errors.js';
import { once, type Once } from '../../platform/once.js';

export type ProviderSecrets = Partial<Record<SecretKey, string>>;

/** The one call we make: narrow enough that a test passes a fake without the SDK's types. */
export interface SecretSource {
  getSecretString(secretId: string): Promise<string | undefined>;
}

export const secretsManagerSource = (client: SecretsManagerClient): SecretSource => ({
  getSecretString: async (secretId) => (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString,
});

export class SecretFormatError extends InternalError {
  override readonly name = 'SecretFormatError';
}

/**
 * The provider keys held by the secret. Empty values are the placeholders the stack creates
 * and mean "not configured"; keys we do not know are ignored (a typo must not become config).
 */
export async function readProviderSecrets(source: SecretSource, secretId: string): Promise<ProviderSecrets> {
  const text = await source.getSecretString(secretId);
  if (text === undefined) throw new SecretFormatError(`secret ${secretId} has no string value`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The message never quotes the value: it is a credential.
    throw new SecretFormatError(`secret ${secretId} is not JSON: store an object such as {"DEEPGRAM_API_KEY":"…"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SecretFormatError(`secret ${secretId} is not a JSON object of provider keys`);
  }
  const values = parsed as Record<string, unknown>;
  const secrets: ProviderSecrets = {};
  for (const key of SECRET_KEYS) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') secrets[key] = value;
  }
  return secrets;
}

let cached: Once<ProviderSecrets> | undefined;

/**
 * Reads the secret named by AFTERCALL_SECRET_ARN once per container (a cold start pays one
 * GetSecretValue; warm invocations pay none). Functions without that variable have no access
 * to the secret and need none of its keys: they get an empty set.
 */
export function loadProviderSecrets(
  env: Record<string, string | undefined> = process.env,
  source: () => SecretSource = () => secretsManagerSource(new SecretsManagerClient({})),
): Promise<ProviderSecrets> {
  const secretId = readSetting(env, 'AFTERCALL_SECRET_ARN');
  if (secretId === undefined) return Promise.resolve({});
  // A failed read (throttled, not yet filled in) is forgotten: the next invocation reads again, with its own source.
  if (cached?.kept() === undefined) cached = once(() => readProviderSecrets(source(), secretId));
  return cached();
}

/** For tests: forget the container's cached secret. */
export const resetProviderSecrets = (): void => {
  cached = undefined;
};
