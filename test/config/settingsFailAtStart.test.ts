import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig, readSetting, requireSetting, type Config } from '../../lib/config/config.js';
import { userInfo } from 'node:os';
import { operatorActor } from '../../lib/cli/operatorActor.js';
import { EMBEDDED_DEFAULTS } from '../../lib/config/embeddedDefaults.js';

/** Settings any non-empty text is valid for: nothing to reject (an empty value means unset). */
const FREE_TEXT: readonly (keyof Config)[] = [
  'AFTERCALL_DATA_DIR',
  'AWS_REGION',
  'AFTERCALL_VECTOR_INDEX_URI',
  'AFTERCALL_HOST',
  'LIVEKIT_API_KEY',
  'LIVEKIT_API_SECRET',
  'DEEPGRAM_API_KEY',
  'DEEPGRAM_MODEL',
  'OPENAI_API_KEY',
  'OPENAI_MODEL',
  'OPENAI_EMBEDDING_MODEL',
  'OPENAI_TRANSCRIBE_MODEL',
  'PINECONE_API_KEY',
  'PINECONE_INDEX',
  'OTEL_SERVICE_NAME',
  'AFTERCALL_API_KEY',
  'USER',
];

/** For every other setting: a wrong value, and words of the message that say what is allowed. */
const WRONG: Partial<Record<keyof Config, [value: string, allowed: RegExp]>> = {
  AFTERCALL_BUCKET: ['My_Bucket', /S3 bucket name: 3–63 lowercase letters/],
  AFTERCALL_S3_ENDPOINT: ['localhost:9000', /an http\(s\) URL such as https:/],
  AFTERCALL_MAX_RECORDING_BYTES: ['2GB', /a whole number of bytes, at least 1/],
  AFTERCALL_TRANSCRIPTION_WAIT_FLOOR_SECONDS: ['0', /whole number of seconds, at least 1/],
  AFTERCALL_DEFAULT_TENANT: ['Acme Corp', /lowercase letters, digits and dashes/],
  AFTERCALL_PORT: ['70000', /a TCP port: a whole number from 0 to 65535/],
  PORT: ['http', /a TCP port: a whole number from 0 to 65535/],
  AFTERCALL_RUN_LEASE_SECONDS: ['-5', /seconds above 0/],
  AFTERCALL_SWEEP_INTERVAL_SECONDS: ['hourly', /whole number of seconds, at least 0/],
  AFTERCALL_LIVE_PING_SECONDS: ['0', /seconds above 0/],
  AFTERCALL_RECORDING_WAIT_SECONDS: ['60', /seconds from 0 to 25/],
  AFTERCALL_DELIVERY_QUEUE_URL: ['my-queue', /an http\(s\) URL such as https:/],
  AFTERCALL_DELIVERY_DLQ_URL: ['my-dlq', /an http\(s\) URL such as https:/],
  AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: ['maybe', /true or false/],
  LIVEKIT_TENANT_KEYS: ['acme=key:secret', /a JSON object \{"<tenant id>"/],
  AFTERCALL_STATE_MACHINE_ARN: ['post-call', /a Step Functions state machine ARN \(arn:aws:states:/],
  AFTERCALL_SECRET_ARN: ['my secret', /Secrets Manager secret ARN \(arn:aws:secretsmanager:…\) or secret name/],
  AFTERCALL_OPERATOR: ['ops\nalice', /a name of 1 to 200 characters, without control characters/],
  AFTERCALL_STEP: ['intake step', /a workflow step's name, e.g. Intake/],
  DEEPGRAM_BASE_URL: ['api.deepgram.com', /an http\(s\) URL such as https:/],
  DEEPGRAM_REDACT: ['pci,passwords', /"passwords" unknown: a comma-separated list of pci, pii, phi, numbers/],
  AFTERCALL_PUBLIC_URL: ['example.com', /an http\(s\) URL such as https:/],
  AFTERCALL_WEB_URL: ['example.com', /an http\(s\) URL such as https:/],
  AFTERCALL_CALLBACK_SECRET: ['short', /at least 16 characters/],
  AFTERCALL_AUDIO_URL_SECRET: ['short', /at least 32 characters/],
  OPENAI_BASE_URL: ['localhost', /an http\(s\) URL such as https:/],
  OPENAI_EMBEDDING_DIMENSIONS: ['-1', /whole number of dimensions, at least 1/],
  OPENAI_EMBEDDING_SIMILARITY_FLOOR: ['1.5', /a cosine similarity from -1 to 1/],
  AFTERCALL_TRANSCRIBER: ['whisper', /one of deepgram, openai/],
  AFTERCALL_EMBEDDER: ['bert', /one of auto, lexical, openai/],
  PINECONE_INDEX_HOST: ['my-index', /an http\(s\) URL such as https:/],
  PINECONE_CONTROLLER_URL: ['pinecone', /an http\(s\) URL such as https:/],
  OTEL_EXPORTER_OTLP_ENDPOINT: ['collector:4318', /an http\(s\) URL such as https:/],
  AFTERCALL_TRACE: ['verbose', /one of off, console/],
  AFTERCALL_PRICES: ['{"deepgram":1}', /not a price table \(✖ an array.*a JSON array of \{"provider","model","unit","usdPerUnit"\}/],
};

function failureOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('every setting, checked when the configuration is loaded', () => {
  it('has a wrong value in this test unless any text is valid for it (a new setting needs its case here)', () => {
    const covered = new Set([...FREE_TEXT, ...Object.keys(WRONG)]);
    expect(Object.keys(ConfigSchema.shape).filter((key) => !covered.has(key as keyof Config))).toEqual([]);
  });

  for (const [key, [value, allowed]] of Object.entries(WRONG)) {
    it(`stops on a wrong ${key}, naming it and what is allowed`, () => {
      const message = failureOf({ [key]: value });
      expect(message).toMatch(new RegExp(`^  ${key}: `, 'm'));
      expect(message).toMatch(allowed);
      // Never zod's own words, never the raw issue list.
      expect(message).not.toMatch(/Invalid input|"code"/);
      // Only the wrong setting is named.
      expect(message.split('\n').filter((line) => line.startsWith('  '))).toHaveLength(1);
    });
  }

  it('names every wrong setting at once', () => {
    const message = failureOf({ DEEPGRAM_REDACT: 'everything', PORT: '-1', AFTERCALL_STATE_MACHINE_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:x' });
    expect(message).toMatch(/^ {2}DEEPGRAM_REDACT: /m);
    expect(message).toMatch(/^ {2}PORT: /m);
    expect(message).toMatch(/^ {2}AFTERCALL_STATE_MACHINE_ARN: /m);
  });

  it('reads the settings once read outside the schema', () => {
    const config = loadConfig({
      AFTERCALL_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:AftercallPostCall-post-call',
      AFTERCALL_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:aftercall-abc',
      PORT: '9000',
      AFTERCALL_API_KEY: 'ak_live_123',
      DEEPGRAM_REDACT: ' pci , ssn,',
    });
    expect(config.AFTERCALL_STATE_MACHINE_ARN).toMatch(/:stateMachine:/);
    expect(config.AFTERCALL_SECRET_ARN).toMatch(/:secret:/);
    expect(config.PORT).toBe(9000);
    expect(config.AFTERCALL_API_KEY).toBe('ak_live_123');
    expect(config.DEEPGRAM_REDACT).toEqual(['pci', 'ssn']);
  });

  it('takes its embedded defaults from one place', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(EMBEDDED_DEFAULTS.relayPort);
    expect(config.AFTERCALL_PORT).toBe(EMBEDDED_DEFAULTS.httpPort);
    expect(config.AFTERCALL_HOST).toBe(EMBEDDED_DEFAULTS.host);
    expect(config.AFTERCALL_BUCKET).toBe(EMBEDDED_DEFAULTS.bucket);
    expect(config.AFTERCALL_DEFAULT_TENANT).toBe(EMBEDDED_DEFAULTS.tenant);
    expect(config.DEEPGRAM_REDACT).toEqual([]);
  });

  it('names the CLI operator as configured, else as the OS account running it', () => {
    expect(operatorActor(loadConfig({ AFTERCALL_OPERATOR: '  ops-alice ' }))).toEqual({ type: 'operator', name: 'ops-alice' });
    expect(operatorActor(loadConfig({}))).toEqual({ type: 'operator', name: userInfo().username });
    expect(failureOf({ AFTERCALL_OPERATOR: 'x'.repeat(201) })).toMatch(/^ {2}AFTERCALL_OPERATOR: a name of 1 to 200 characters/m);
    expect(failureOf({ AFTERCALL_OPERATOR: '   ' })).toMatch(/^ {2}AFTERCALL_OPERATOR: /m);
  });

  it('gives the model path its default model from the schema, and no key or server unless configured', () => {
    const config = loadConfig({});
    expect(config.OPENAI_MODEL).toBe('gpt-4o-mini');
    expect([config.OPENAI_API_KEY, config.OPENAI_BASE_URL]).toEqual([undefined, undefined]);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' })).toMatchObject({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' });
  });

  it('checks one setting alone as the whole load would (the secret ARN, read before the secret)', () => {
    expect(readSetting({ AFTERCALL_SECRET_ARN: 'aftercall/provider-keys' }, 'AFTERCALL_SECRET_ARN')).toBe('aftercall/provider-keys');
    expect(readSetting({ AFTERCALL_SECRET_ARN: '' }, 'AFTERCALL_SECRET_ARN')).toBeUndefined();
    expect(() => readSetting({ AFTERCALL_SECRET_ARN: 'my secret' }, 'AFTERCALL_SECRET_ARN')).toThrow(/^invalid configuration:\n {2}AFTERCALL_SECRET_ARN: a Secrets Manager secret ARN/);
  });

  it('says which required setting an entry point is missing, and who sets it', () => {
    const config = loadConfig({});
    expect(() => requireSetting(config, 'AFTERCALL_STATE_MACHINE_ARN', 'the stack sets it on the functions that start runs')).toThrow(ConfigError);
    expect(() => requireSetting(config, 'AFTERCALL_API_KEY', 'create one with "aftercall keys create"')).toThrow(/AFTERCALL_API_KEY: not set; create one with "aftercall keys create"/);
  });
});
