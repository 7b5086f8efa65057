/**
 * The names operators query by: spans, metrics and attributes (docs/observability.md lists them).
 * Changing one breaks someone's dashboard, so they live here once.
 */
export const INSTRUMENTATION_SCOPE = 'aftercall';

export const SPAN = {
  /** The root of a run's trace: the moment the run was started (webhook, S3 event, CLI, reprocess). */
  workflowStart: 'workflow.start',
  /** One per Task invocation of the state machine, e.g. "step Transcribe". */
  step: (taskState: string) => `step ${taskState}`,
  /** One per provider call inside a step, e.g. "openai understand", "s3 put". */
  provider: (provider: string, operation: string) => `${provider} ${operation}`,
} as const;

export const METRIC = {
  stepDuration: 'aftercall.step.duration',
  providerDuration: 'aftercall.provider.duration',
  tokens: 'aftercall.tokens',
  audioMinutes: 'aftercall.audio',
  cost: 'aftercall.cost',
} as const;

export const ATTR = {
  meetingId: 'aftercall.meeting.id',
  tenantId: 'aftercall.tenant.id',
  runId: 'aftercall.run.id',
  trigger: 'aftercall.run.trigger',
  alreadyStarted: 'aftercall.run.already_started',
  step: 'aftercall.step',
  provider: 'aftercall.provider',
  operation: 'aftercall.operation',
  model: 'aftercall.model',
  tokenType: 'aftercall.token.type',
  inputTokens: 'aftercall.tokens.input',
  outputTokens: 'aftercall.tokens.output',
  embeddingTokens: 'aftercall.tokens.embedding',
  audioMinutes: 'aftercall.audio.minutes',
  costUsd: 'aftercall.cost.usd',
  /** OpenTelemetry's own name for the class of a failure (here: the error's name, which the ASL matches on). */
  errorType: 'error.type',
} as const;
