import { resolve } from 'node:path';
import { z } from 'zod';
import { TenantId } from '../domain/meetings/schema.js';
import { PriceTableSchema } from '../domain/usage/priceTable.js';
import { InternalError } from '../domain/errors.js';
import { DEEPGRAM_REDACTIONS, DeepgramRedactionSchema, type DeepgramRedaction } from './deepgramRedactions.js';
import { EMBEDDED_DEFAULTS } from './embeddedDefaults.js';

/** A whole number in a range; the one message says what is allowed, whatever check failed. */
function wholeNumber(min: number, allowed: string, max?: number) {
  const error = allowed;
  const atLeast = z.coerce.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
}

const Bytes = wholeNumber(1, 'a whole number of bytes, at least 1');
const Port = wholeNumber(0, 'a TCP port: a whole number from 0 to 65535 (0 picks a free one)', 65_535);
const Seconds = (min: number, max?: number) => wholeNumber(min, `a whole number of seconds, at least ${min}${max === undefined ? '' : ` and at most ${max}`}`, max);
/** "true"/"false" (also 1/0, yes/no, on/off) from the environment, or a boolean override. */
const Flag = z.union([z.boolean(), z.stringbool()], { error: 'true or false (also 1/0, yes/no, on/off)' });
/** Every URL setting: a scheme-less "localhost:9000" parses as a URL of scheme "localhost:", so the scheme is checked too. */
const HttpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://example.com' });
const ARN_OF = (service: string) => new RegExp(`^arn:aws[a-z-]*:${service}:`);

const LivekitTenantKeysSchema = z.record(TenantId, z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) }).strict(), {
  error: 'a JSON object {"<tenant id>":{"apiKey":"…","apiSecret":"…"}}',
});

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "pci, ssn" → ["pci", "ssn"], each checked against Deepgram's documented values. */
const RedactionList = z.string().transform((text, ctx): DeepgramRedaction[] => {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = parts.filter((part) => !DeepgramRedactionSchema.safeParse(part).success);
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `${unknown.map((part) => `"${part}"`).join(', ')} unknown: a comma-separated list of ${DEEPGRAM_REDACTIONS.join(', ')}` });
    return z.NEVER;
  }
  return parts as DeepgramRedaction[];
});

/** Every setting aftercall reads, from the environment; explicit overrides win over the environment. */
export const ConfigSchema = z.object({
  AFTERCALL_DATA_DIR: z.string().default(EMBEDDED_DEFAULTS.dataDir),
  AFTERCALL_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name: 3–63 lowercase letters, digits, dots and dashes').default(EMBEDDED_DEFAULTS.bucket),
  AWS_REGION: z.string().default(EMBEDDED_DEFAULTS.region),
  /** An S3-compatible endpoint; unset means AWS itself (or, locally, the embedded server). */
  AFTERCALL_S3_ENDPOINT: HttpUrl.optional(),
  /** Where the LanceDB vector index lives: a folder, or an s3:// URI on AWS. Defaults inside the data folder. */
  AFTERCALL_VECTOR_INDEX_URI: z.string().optional(),
  AFTERCALL_MAX_RECORDING_BYTES: Bytes.default(2_000_000_000),
  /**
   * The least time Transcribe waits for its result (a provider's callback, or the step's own
   * synchronous call, which may take up to the step function's 15 minutes). Longer recordings
   * get more (see transcriptionWait.ts); past it the run fails as TranscriptionLostError.
   */
  AFTERCALL_TRANSCRIPTION_WAIT_FLOOR_SECONDS: Seconds(1).default(960),
  AFTERCALL_DEFAULT_TENANT: TenantId.default(EMBEDDED_DEFAULTS.tenant),
  AFTERCALL_HOST: z.string().default(EMBEDDED_DEFAULTS.host),
  AFTERCALL_PORT: Port.default(EMBEDDED_DEFAULTS.httpPort),
  /** The caption relay on its own (bin/relay.ts): its port; the container service sets it. */
  PORT: Port.default(EMBEDDED_DEFAULTS.relayPort),
  /**
   * Local runner: a run whose runner stopped renewing its lease this long ago (a crash, a
   * killed container) is started again by the next runner on the same data folder.
   */
  AFTERCALL_RUN_LEASE_SECONDS: z.coerce.number({ error: 'a number of seconds above 0' }).positive({ error: 'a number of seconds above 0' }).default(30),
  /**
   * Local stack: how often the retention sweep runs (tenants' `retention` settings; see
   * docs/governance.md); 0 turns the timer off (`aftercall sweep` still runs it by hand). On AWS
   * an EventBridge schedule runs it instead.
   */
  AFTERCALL_SWEEP_INTERVAL_SECONDS: Seconds(0).default(3600),
  /** How often the caption relay pings each WebSocket (and closes one that missed the last ping); keeps proxies from dropping quiet sockets. */
  AFTERCALL_LIVE_PING_SECONDS: z.coerce.number({ error: 'a number of seconds above 0' }).positive({ error: 'a number of seconds above 0' }).default(30),
  /**
   * How long a webhook waits for a recording that is not in the bucket yet before it starts a run
   * that fails saying so (the recording's upload, when it lands, starts a new run).
   */
  AFTERCALL_RECORDING_WAIT_SECONDS: z.coerce.number({ error: 'a number of seconds from 0 to 25' }).min(0, { error: 'a number of seconds from 0 to 25' }).max(25, { error: 'a number of seconds from 0 to 25' }).default(10),
  /** On AWS: the SQS queue of CRM webhook deliveries and its dead-letter queue (the stack sets both). */
  AFTERCALL_DELIVERY_QUEUE_URL: HttpUrl.optional(),
  AFTERCALL_DELIVERY_DLQ_URL: HttpUrl.optional(),
  /**
   * Local development only: CRM webhooks may go to loopback receivers (127.0.0.0/8, ::1,
   * localhost), over plain http too. Off, only public https receivers are accepted; private,
   * link-local and metadata addresses are refused either way.
   */
  AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: Flag.default(false),
  /** Checks LiveKit's webhook signatures. Locally the LiveKit dev-server pair is the default. */
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
  /**
   * Per-tenant LiveKit projects, JSON: {"<tenant>":{"apiKey":"…","apiSecret":"…"}}. A webhook
   * signed with a tenant's pair may start only that tenant's recordings (keys under
   * tenants/<tenant>/); the pair above signs for the default tenant.
   */
  LIVEKIT_TENANT_KEYS: z.preprocess((value) => (typeof value === 'string' ? parseJsonOrNull(value) : value), LivekitTenantKeysSchema).optional(),

  /** On AWS: the post-call state machine that webhooks and S3 events start (the stack sets it on the functions that start runs). */
  AFTERCALL_STATE_MACHINE_ARN: z.string().regex(ARN_OF('states'), 'a Step Functions state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>)').optional(),
  /**
   * On AWS: the Secrets Manager secret holding the provider keys (a JSON object of the settings in
   * secretKeys.ts); the stack sets it on the functions that need keys. Its values win over the environment.
   */
  AFTERCALL_SECRET_ARN: z
    .string()
    .regex(/^(arn:aws[a-z-]*:secretsmanager:\S+|[\w/+=.@-]{1,512})$/, 'a Secrets Manager secret ARN (arn:aws:secretsmanager:…) or secret name')
    .optional(),
  /** On AWS: which workflow step a step's function runs (the stack sets it; the steps are lib/app/steps/workflowSteps.ts). */
  AFTERCALL_STEP: z.string().regex(/^[A-Z][A-Za-z]*$/, 'a workflow step\'s name, e.g. Intake (lib/app/steps/workflowSteps.ts)').optional(),
  /** Who the CLI's audit entries name (e.g. in a shared admin shell); unset, the OS account running the CLI. */
  AFTERCALL_OPERATOR: z
    .string()
    .trim()
    .regex(/^[^\p{Cc}]{1,200}$/u, 'a name of 1 to 200 characters, without control characters (line breaks, tabs)')
    .optional(),
  /** The OS account name POSIX shells set: the operator's name when the OS has no passwd entry for the user (a container). */
  USER: z.string().min(1).optional(),
  /** The CLI's `live` command: the API key it streams with (from the environment, never an option: shell history and ps would show it). */
  AFTERCALL_API_KEY: z.string().min(1).optional(),

  // Providers: each is used when its key is set; without keys the embedded defaults answer.
  DEEPGRAM_API_KEY: z.string().min(1).optional(),
  /** e.g. a proxy or a wire-compatible test server; unset means Deepgram's API. */
  DEEPGRAM_BASE_URL: HttpUrl.optional(),
  DEEPGRAM_MODEL: z.string().default('nova-3'),
  /** Comma-separated Deepgram redact values applied to every tenant (e.g. "pci,ssn,numbers"). */
  DEEPGRAM_REDACT: RedactionList.default([]),
  /**
   * Public base URL of this deployment's HTTP API. When set, Deepgram posts results to
   * <url>/callbacks/deepgram and no function waits on a long recording.
   */
  AFTERCALL_PUBLIC_URL: HttpUrl.optional(),
  /**
   * Public base URL of the web UI, for the absolute links to meetings and moments in CRM events
   * and API responses (e.g. https://aftercall.example.com). Unset: AFTERCALL_PUBLIC_URL (right when
   * the app serves UI and API on one origin, as locally), else the local server's own address.
   */
  AFTERCALL_WEB_URL: HttpUrl.optional(),
  /** Signs callback URLs, so that only Deepgram's answer to our request can complete a transcription. */
  AFTERCALL_CALLBACK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * Signs the short-lived audio URLs the web UI's player streams from. Unset: a random key is
   * generated on first use and kept in the bucket (see lib/domain/auth/audioUrlKey.ts).
   */
  AFTERCALL_AUDIO_URL_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Any OpenAI-compatible endpoint (vLLM, Ollama, Azure-compatible proxies); unset means OpenAI. */
  OPENAI_BASE_URL: HttpUrl.optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSIONS: wholeNumber(1, 'a whole number of dimensions, at least 1').optional(),
  /** Cosine similarity below which a search ignores a vector neighbour; needed for a model without a known floor (docs/search.md). */
  OPENAI_EMBEDDING_SIMILARITY_FLOOR: z.coerce.number({ error: 'a cosine similarity from -1 to 1' }).min(-1, { error: 'a cosine similarity from -1 to 1' }).max(1, { error: 'a cosine similarity from -1 to 1' }).optional(),
  OPENAI_TRANSCRIBE_MODEL: z.string().default('gpt-4o-transcribe-diarize'),
  /** Which speech-to-text provider transcribes first; the other (if configured) takes over when it fails persistently. */
  AFTERCALL_TRANSCRIBER: z.enum(['deepgram', 'openai']).default('deepgram'),
  /** Use OpenAI embeddings even without Pinecone (into LanceDB), or keep the lexical ones. */
  AFTERCALL_EMBEDDER: z.enum(['auto', 'lexical', 'openai']).default('auto'),
  PINECONE_API_KEY: z.string().min(1).optional(),
  PINECONE_INDEX: z.string().default('aftercall'),
  /** The index's data-plane host; unset means ask the control plane. */
  PINECONE_INDEX_HOST: HttpUrl.optional(),
  PINECONE_CONTROLLER_URL: HttpUrl.optional(),
  /**
   * OpenTelemetry's standard name: an OTLP/HTTP collector's base URL (…/v1/traces and …/v1/metrics
   * are appended). Set, every run is traced and metered to it; on AWS the stack points it at the
   * ADOT collector layer (http://localhost:4318). Unset and AFTERCALL_TRACE=off, no SDK starts.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: HttpUrl.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('aftercall'),
  /** Locally, "console" prints every span (and, each minute, the metrics) to stdout; see docs/observability.md. */
  AFTERCALL_TRACE: z.enum(['off', 'console']).default('off'),
  /** JSON price table overriding the built-in list prices, see lib/domain/usage/priceTable.ts. */
  AFTERCALL_PRICES: z
    .string()
    .transform((text, ctx) => {
      const table = PriceTableSchema.safeParse(parseJsonOrNull(text), { error: allowedFor });
      if (table.success) return table.data;
      ctx.addIssue({ code: 'custom', message: `not a price table (${z.prettifyError(table.error).replaceAll('\n', ' ')}): a JSON array of {"provider","model","unit","usdPerUnit"} as in lib/domain/usage/priceTable.ts` });
      return z.NEVER;
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends InternalError {
  override readonly name = 'ConfigError';
}

/**
 * What is allowed, for the checks that carry no message of their own (URLs, choices, types):
 * every failure names the setting and what it may be, never zod's generic wording.
 */
function allowedFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_format':
      return issue.format === 'url' ? 'a URL such as https://example.com' : `text in the format ${issue.format}`;
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'a number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? `at least ${String(issue.minimum)} characters` : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `at most ${String(issue.maximum)} characters` : `at most ${String(issue.maximum)}`;
    default:
      return undefined;
  }
}

function configErrorFrom(error: z.ZodError): ConfigError {
  const problems = error.issues.map((issue) => `  ${issue.path.map(String).join('.')}: ${issue.message}`).join('\n');
  return new ConfigError(`invalid configuration:\n${problems}\nSet these environment variables to valid values (see docs/configuration.md).`);
}

const definedSettings = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== undefined && value !== ''));

/** Reads and validates configuration once; a bad value stops start-up with a message that says how to fix it. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const parsed = ConfigSchema.safeParse({ ...definedSettings(env), ...overrides }, { error: allowedFor });
  if (!parsed.success) throw configErrorFrom(parsed.error);
  return parsed.data;
}

/**
 * One setting, checked as loadConfig checks it: for the few read before the rest can be (the
 * secret's ARN, whose secret supplies other settings).
 */
export function readSetting<K extends keyof Config>(env: Record<string, string | undefined>, key: K): Config[K] {
  const value = env[key];
  const setting: z.ZodType = ConfigSchema.shape[key];
  const parsed = setting.safeParse(value === '' ? undefined : value, { error: allowedFor });
  if (!parsed.success) throw configErrorFrom(new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }))));
  return parsed.data as Config[K];
}

/** A setting this entry point cannot run without (the stack sets it): a clear message, at start, when it is missing. */
export function requireSetting<K extends keyof Config>(config: Config, key: K, why: string): NonNullable<Config[K]> {
  const value = config[key];
  if (value === undefined || value === null) throw new ConfigError(`invalid configuration:\n  ${key}: not set; ${why}`);
  return value;
}

/** The base URL meeting links are built under; null when only the running server can tell. */
export const webBaseUrl = (config: Config): string | null => config.AFTERCALL_WEB_URL ?? config.AFTERCALL_PUBLIC_URL ?? null;

export const vectorIndexUri = (config: Config): string =>
  config.AFTERCALL_VECTOR_INDEX_URI ?? resolve(config.AFTERCALL_DATA_DIR, 'vector-index');
