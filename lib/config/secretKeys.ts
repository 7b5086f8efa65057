import type { Config } from './config.js';

/**
 * The settings that are credentials. On AWS they live in one Secrets Manager secret (a JSON
 * object of these keys), never in a function's environment, where anyone who can read the
 * function's configuration would see them.
 */
export const SECRET_KEYS = [
  'DEEPGRAM_API_KEY',
  'OPENAI_API_KEY',
  'PINECONE_API_KEY',
  'LIVEKIT_API_KEY',
  'LIVEKIT_API_SECRET',
  'LIVEKIT_TENANT_KEYS',
  'AFTERCALL_CALLBACK_SECRET',
  'AFTERCALL_AUDIO_URL_SECRET',
] as const satisfies readonly (keyof Config)[];
export type SecretKey = (typeof SECRET_KEYS)[number];
