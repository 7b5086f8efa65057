import { resolve } from 'node:path';
import { z } from 'zod';
import { TenantId } from '../domain/meeting/schema.js';

const Bytes = z.coerce.number().int().positive();
const Port = z.coerce.number().int().min(0).max(65_535);

/** Every setting aftercall reads, from the environment; explicit overrides win over the environment. */
export const ConfigSchema = z.object({
  AFTERCALL_DATA_DIR: z.string().default('.aftercall'),
  AFTERCALL_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name: 3–63 lowercase letters, digits, dots and dashes').default('aftercall-recordings'),
  AWS_REGION: z.string().default('us-east-1'),
  /** An S3-compatible endpoint; unset means AWS itself (or, locally, the embedded server). */
  AFTERCALL_S3_ENDPOINT: z.url().optional(),
  /** Where the LanceDB vector index lives: a folder, or an s3:// URI on AWS. Defaults inside the data folder. */
  AFTERCALL_VECTOR_INDEX_URI: z.string().optional(),
  AFTERCALL_MAX_RECORDING_BYTES: Bytes.default(2_000_000_000),
  AFTERCALL_DEFAULT_TENANT: TenantId.default('demo'),
  AFTERCALL_HOST: z.string().default('127.0.0.1'),
  AFTERCALL_PORT: Port.default(3000),
  /** Checks LiveKit's webhook signatures. Locally the LiveKit dev-server pair is the default. */
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates configuration once; a bad value stops start-up with a message that says how to fix it. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse({ ...defined, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}\nSet these environment variables to valid values (see README, "Configuration").`);
  }
  return parsed.data;
}

export const vectorIndexUri = (config: Config): string =>
  config.AFTERCALL_VECTOR_INDEX_URI ?? resolve(config.AFTERCALL_DATA_DIR, 'vector-index');
