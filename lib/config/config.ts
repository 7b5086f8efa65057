import { resolve } from 'node:path';
import { z } from 'zod';
import { TenantId } from '../domain/meetings/schema.js';
import { PriceTableSchema } from '../domain/usage/priceTable.js';
import { InternalError } from '../domain/errors.js';

const Bytes = z.coerce.number().int().positive();
const Port = z.coerce.number().int().min(0).max(65_535);
/** "true"/"false" (also 1/0, yes/no, on/off) from the environment, or a boolean override. */
const Flag = z.union([z.boolean(), z.stringbool()], { error: 'true or false' });

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
  /**
   * The least time Transcribe waits for its result (a provider's callback, or the step's own
   * synchronous call, which may take up to the step function's 15 minutes). Longer recordings
   * get more (see transcriptionWait.ts); past it the run fails as TranscriptionLostError.
   */
  AFTERCALL_TRANSCRIPTION_WAIT_FLOOR_SECONDS: z.coerce.number().int().positive().default(960),
  AFTERCALL_DEFAULT_TENANT: TenantId.default('demo'),
  AFTERCALL_HOST: z.string().default('127.0.0.1'),
  AFTERCALL_PORT: Port.default(3000),
  /**
   * Local runner: a run whose runner stopped renewing its lease this long ago (a crash, a
   * killed container) is started again by the next runner on the same data folder.
   */
  AFTERCALL_RUN_LEASE_SECONDS: z.coerce.number().positive().default(30),
  /**
   * Local stack: how often the retention sweep runs (tenants' `retention` settings; see
   * docs/governance.md); 0 turns the timer off (`aftercall sweep` still runs it by hand). On AWS
   * an EventBridge schedule runs it instead.
   */
  AFTERCALL_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(3600),
  /** How often the caption relay pings each WebSocket (and closes one that missed the last ping); keeps proxies from dropping quiet sockets. */
  AFTERCALL_LIVE_PING_SECONDS: z.coerce.number().positive().default(30),
  /**
   * How long a webhook waits for a recording that is not in the bucket yet before it starts a run
   * that fails saying so (the recording's upload, when it lands, starts a new run).
   */
  AFTERCALL_RECORDING_WAIT_SECONDS: z.coerce.number().min(0).max(25).default(10),
  /** On AWS: the SQS queue of CRM webhook deliveries and its dead-letter queue (the stack sets both). */
  AFTERCALL_DELIVERY_QUEUE_URL: z.url().optional(),
  AFTERCALL_DELIVERY_DLQ_URL: z.url().optional(),
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

  // Providers: each is used when its key is set; without keys the embedded defaults answer.
  DEEPGRAM_API_KEY: z.string().min(1).optional(),
  /** e.g. a proxy or a wire-compatible test server; unset means Deepgram's API. */
  DEEPGRAM_BASE_URL: z.url().optional(),
  DEEPGRAM_MODEL: z.string().default('nova-3'),
  /** Comma-separated Deepgram redact values applied to every tenant (e.g. "pci,ssn,numbers"). */
  DEEPGRAM_REDACT: z.string().optional(),
  /**
   * Public base URL of this deployment's HTTP API. When set, Deepgram posts results to
   * <url>/callbacks/deepgram and no function waits on a long recording.
   */
  AFTERCALL_PUBLIC_URL: z.url().optional(),
  /**
   * Public base URL of the web UI, for the absolute links to meetings and moments in CRM events
   * and API responses (e.g. https://aftercall.example.com). Unset: AFTERCALL_PUBLIC_URL (right when
   * the app serves UI and API on one origin, as locally), else the local server's own address.
   */
  AFTERCALL_WEB_URL: z.url().optional(),
  /** Signs callback URLs, so that only Deepgram's answer to our request can complete a transcription. */
  AFTERCALL_CALLBACK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * Signs the short-lived audio URLs the web UI's player streams from. Unset: a random key is
   * generated on first use and kept in the bucket (see lib/domain/auth/audioUrlKey.ts).
   */
  AFTERCALL_AUDIO_URL_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Any OpenAI-compatible endpoint (vLLM, Ollama, Azure-compatible proxies); unset means OpenAI. */
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().optional(),
  /** Cosine similarity below which a search ignores a vector neighbour; needed for a model without a known floor (docs/search.md). */
  OPENAI_EMBEDDING_SIMILARITY_FLOOR: z.coerce.number().min(-1).max(1).optional(),
  OPENAI_TRANSCRIBE_MODEL: z.string().default('gpt-4o-transcribe-diarize'),
  /** Which speech-to-text provider transcribes first; the other (if configured) takes over when it fails persistently. */
  AFTERCALL_TRANSCRIBER: z.enum(['deepgram', 'openai']).default('deepgram'),
  /** Use OpenAI embeddings even without Pinecone (into LanceDB), or keep the lexical ones. */
  AFTERCALL_EMBEDDER: z.enum(['auto', 'lexical', 'openai']).default('auto'),
  PINECONE_API_KEY: z.string().min(1).optional(),
  PINECONE_INDEX: z.string().default('aftercall'),
  /** The index's data-plane host; unset means ask the control plane. */
  PINECONE_INDEX_HOST: z.url().optional(),
  PINECONE_CONTROLLER_URL: z.url().optional(),
  /**
   * OpenTelemetry's standard name: an OTLP/HTTP collector's base URL (…/v1/traces and …/v1/metrics
   * are appended). Set, every run is traced and metered to it; on AWS the stack points it at the
   * ADOT collector layer (http://localhost:4318). Unset and AFTERCALL_TRACE=off, no SDK starts.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('aftercall'),
  /** Locally, "console" prints every span (and, each minute, the metrics) to stdout; see docs/observability.md. */
  AFTERCALL_TRACE: z.enum(['off', 'console']).default('off'),
  /** JSON price table overriding the built-in list prices, see lib/domain/usage/priceTable.ts. */
  AFTERCALL_PRICES: z
    .string()
    .transform((text, ctx) => {
      try {
        return PriceTableSchema.parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not a price table: ${error instanceof Error ? error.message : String(error)}` });
        return z.NEVER;
      }
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends InternalError {
  override readonly name = 'ConfigError';
}

/** Reads and validates configuration once; a bad value stops start-up with a message that says how to fix it. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse({ ...defined, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}\nSet these environment variables to valid values (see docs/configuration.md).`);
  }
  return parsed.data;
}

/** The base URL meeting links are built under; null when only the running server can tell. */
export const webBaseUrl = (config: Config): string | null => config.AFTERCALL_WEB_URL ?? config.AFTERCALL_PUBLIC_URL ?? null;

export const vectorIndexUri = (config: Config): string =>
  config.AFTERCALL_VECTOR_INDEX_URI ?? resolve(config.AFTERCALL_DATA_DIR, 'vector-index');
