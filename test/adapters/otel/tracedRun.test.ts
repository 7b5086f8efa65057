import { trace } from '@opentelemetry/api';
import { MetricReader, type HistogramMetricData, type MetricData, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTelemetry } from '../../../lib/adapters/otel/startTelemetry.js';
import type { Telemetry } from '../../../lib/adapters/otel/Telemetry.js';
import { ATTR, METRIC } from '../../../lib/adapters/otel/telemetryNames.js';
import { DeepgramTranscriber } from '../../../lib/adapters/deepgram/DeepgramTranscriber.js';
import { S3BlobStore } from '../../../lib/adapters/s3/S3BlobStore.js';
import { silentWav } from '../../../lib/bench/silentWav.js';
import { loadConfig } from '../../../lib/config/config.js';
import { tenantSettingsKey } from '../../../lib/domain/meetings/resultKeys.js';
import { StepInputSchema } from '../../../lib/domain/meetings/schema.js';
import { startProviderFakes, type Fakes } from '../../support/fakes/providerFakes.js';
import { startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

// The suite silences Powertools (vitest.config.ts); here the step logs are part of what is checked.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

/** A reader the test collects from when it wants, instead of on a timer. */
class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
  async metrics(): Promise<MetricData[]> {
    const { resourceMetrics } = await this.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  }
}

/** Everything written to stdout while `work` runs, as lines (Powertools writes its JSON lines there). */
async function capturingStdout<T>(work: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const written: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  try {
    return { value: await work(), lines: written.join('').split('\n').filter((line) => line.trim() !== '') };
  } finally {
    out.mockRestore();
  }
}

const named = (spans: readonly ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const only = (spans: readonly ReadableSpan[], name: string): ReadableSpan => {
  const found = named(spans, name);
  expect(found.map((span) => span.name), `exactly one span "${name}"`).toEqual([name]);
  return found[0] as ReadableSpan;
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('a whole local run with tracing on (Deepgram, OpenAI, Pinecone on loopback; spans to an in-memory exporter)', () => {
  let fakes: Fakes;
  let fixture: StackFixture;
  let telemetry: Telemetry;
  const spans = new InMemorySpanExporter();
  const reader = new CollectingReader();

  beforeAll(async () => {
    fakes = await startProviderFakes();
    const started = await startTelemetry(loadConfig({}), { spanExporter: spans, metricReader: reader });
    if (started === null) throw new Error('telemetry with exporters given must start');
    telemetry = started;
    fixture = await startStackFixture({ env: fakes.env, telemetry });
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr'] }), 'application/json');
  });
  afterAll(async () => {
    await fixture?.close();
    await telemetry?.shutdown();
    await fakes?.close();
  });

  it('exports one trace per run: the start, one span per step, provider calls as children with tokens and cost; metrics and logs follow it', async () => {
    const { value: meeting, lines } = await capturingStdout(() => fixture.process('calls/traced.wav', silentWav(2)));
    expect(meeting.state).toBe('ready');

    const finished = spans.getFinishedSpans();
    const root = finished.find((span) => span.name === 'workflow.start' && span.attributes[ATTR.meetingId] === meeting.meetingId);
    if (root === undefined) throw new Error('no workflow.start span for the meeting');
    const traceId = root.spanContext().traceId;
    expect(parentOf(root)).toBeUndefined();
    expect(root.attributes).toMatchObject({ [ATTR.tenantId]: fixture.tenantId, [ATTR.trigger]: 's3', [ATTR.alreadyStarted]: false });

    // One trace: every span that names the meeting is in the root's trace.
    const ofMeeting = finished.filter((span) => span.attributes[ATTR.meetingId] === meeting.meetingId);
    expect(new Set(ofMeeting.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    const inTrace = finished.filter((span) => span.spanContext().traceId === traceId);

    // One span per step, each a child of the run's start, with meeting, tenant, run and step.
    const steps = inTrace.filter((span) => span.name.startsWith('step '));
    expect(steps.map((span) => span.name).sort()).toEqual(['step Index', 'step Intake', 'step Publish', 'step Transcribe', 'step TranslateLanguage', 'step Understand']);
    for (const step of steps) {
      expect(parentOf(step)).toBe(root.spanContext().spanId);
      expect(step.attributes).toMatchObject({ [ATTR.meetingId]: meeting.meetingId, [ATTR.tenantId]: fixture.tenantId, [ATTR.step]: step.name.slice('step '.length) });
      expect(step.attributes[ATTR.runId]).toMatch(new RegExp(`^${meeting.meetingId}-`));
    }
    const stepSpan = (name: string) => only(steps, `step ${name}`);

    // Provider calls are children of the step that made them, with provider, tokens and cost.
    const deepgram = only(inTrace, 'deepgram transcribe');
    expect(parentOf(deepgram)).toBe(stepSpan('Transcribe').spanContext().spanId);
    expect(deepgram.attributes).toMatchObject({ [ATTR.provider]: 'deepgram', [ATTR.model]: 'nova-3', [ATTR.step]: 'Transcribe', [ATTR.meetingId]: meeting.meetingId });
    expect(deepgram.attributes[ATTR.audioMinutes]).toBeGreaterThan(0);
    expect(deepgram.attributes[ATTR.costUsd]).toBeGreaterThan(0);

    const understand = only(inTrace, 'openai understand');
    expect(parentOf(understand)).toBe(stepSpan('Understand').spanContext().spanId);
    expect(understand.attributes).toMatchObject({ [ATTR.provider]: 'openai', [ATTR.model]: 'gpt-4o-mini', [ATTR.tenantId]: fixture.tenantId });
    expect(understand.attributes[ATTR.inputTokens]).toBeGreaterThan(0);
    expect(understand.attributes[ATTR.outputTokens]).toBeGreaterThan(0);
    expect(understand.attributes[ATTR.costUsd]).toBeGreaterThan(0);
    // The step's span sums what its calls consumed, as the manifest does.
    const manifestInput = meeting.manifest?.usage.filter((u) => u.step === 'understand' && u.unit === 'input_tokens').reduce((sum, u) => sum + u.quantity, 0);
    expect(stepSpan('Understand').attributes[ATTR.inputTokens]).toBe(manifestInput);

    const translations = named(inTrace, 'openai translate');
    expect(translations.length).toBeGreaterThan(0);
    for (const call of translations) expect(parentOf(call)).toBe(stepSpan('TranslateLanguage').spanContext().spanId);

    const embed = only(inTrace, 'openai embed');
    const upsert = only(inTrace, 'pinecone replaceMeeting');
    for (const call of [embed, upsert]) expect(parentOf(call)).toBe(stepSpan('Index').spanContext().spanId);
    expect(embed.attributes[ATTR.embeddingTokens]).toBeGreaterThan(0);

    const stepIds = new Set(steps.map((step) => step.spanContext().spanId));
    const s3Calls = inTrace.filter((span) => span.name.startsWith('s3 '));
    expect(s3Calls.length).toBeGreaterThan(0);
    expect(s3Calls.every((call) => stepIds.has(parentOf(call) ?? ''))).toBe(true);

    // Metrics: step durations, provider latency, tokens and cost, with their attributes.
    const metrics = await reader.metrics();
    const metric = (name: string) => {
      const found = metrics.find((m) => m.descriptor.name === name);
      if (found === undefined) throw new Error(`no metric ${name}`);
      return found;
    };
    const stepDurations = (metric(METRIC.stepDuration) as HistogramMetricData).dataPoints;
    expect(new Set(stepDurations.map((point) => point.attributes[ATTR.step]))).toEqual(new Set(['Intake', 'Transcribe', 'TranslateLanguage', 'Understand', 'Index', 'Publish']));
    expect(stepDurations.every((point) => point.value.count >= 1 && point.attributes[ATTR.tenantId] === fixture.tenantId)).toBe(true);
    const providerLatency = (metric(METRIC.providerDuration) as HistogramMetricData).dataPoints;
    expect(providerLatency.find((point) => point.attributes[ATTR.provider] === 'deepgram' && point.attributes[ATTR.operation] === 'transcribe')?.value.count).toBe(1);
    const tokens = (metric(METRIC.tokens) as SumMetricData).dataPoints;
    const outputTokens = tokens.filter((point) => point.attributes[ATTR.provider] === 'openai' && point.attributes[ATTR.tokenType] === 'output');
    expect(outputTokens.reduce((sum, point) => sum + point.value, 0)).toBeGreaterThan(0);
    const cost = (metric(METRIC.cost) as SumMetricData).dataPoints;
    expect(cost.reduce((sum, point) => sum + point.value, 0)).toBeCloseTo(meeting.manifest?.cost.estimated ?? -1, 6);
    // No meeting or run ids as metric dimensions: their number grows without bound.
    for (const point of [...stepDurations, ...providerLatency, ...tokens, ...cost]) {
      expect(Object.keys(point.attributes)).not.toContain(ATTR.meetingId);
      expect(Object.keys(point.attributes)).not.toContain(ATTR.runId);
    }

    // Logs: the step's line carries its trace and span.
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const transcribed = logged.find((entry) => entry.message === 'step Transcribe finished');
    expect(transcribed).toMatchObject({ trace_id: traceId, span_id: stepSpan('Transcribe').spanContext().spanId });
  });
});

describe('tracing off (the default)', () => {
  let fakes: Fakes;
  let fixture: StackFixture;

  beforeAll(async () => {
    fakes = await startProviderFakes();
    fixture = await startStackFixture({ env: fakes.env });
  });
  afterAll(async () => {
    await fixture?.close();
    await fakes?.close();
  });

  it('starts no SDK, wraps no port and puts no trace context in the run', async () => {
    expect(fixture.stack.deps.telemetry).toBeNull();
    expect(fixture.stack.deps.blobs).toBeInstanceOf(S3BlobStore);
    expect(fixture.stack.deps.transcriber).toBeInstanceOf(DeepgramTranscriber);
    expect(fixture.stack.plane.workflow).toBe(fixture.stack.runner);

    const { value: meeting, lines } = await capturingStdout(() => fixture.process('calls/untraced.wav', silentWav(2)));
    expect(meeting.state).toBe('ready');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).not.toContain('trace_id');
    const [runName] = await fixture.stack.runner.executionsOf(meeting.meetingId);
    const record = await fixture.stack.runner.describe(runName ?? '');
    expect(StepInputSchema.parse(record?.input).meeting.traceparent).toBeUndefined();
    // Nothing registered a tracer provider: the API's spans are the no-op ones.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });
});
