import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry } from '../../../lib/adapters/otel/startTelemetry.js';
import type { Telemetry } from '../../../lib/adapters/otel/Telemetry.js';
import { ATTR, METRIC } from '../../../lib/adapters/otel/telemetryNames.js';
import { loadConfig } from '../../../lib/config/config.js';
import { silentWav } from '../../../lib/bench/silentWav.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

// OTLP/HTTP with JSON bodies, as the spec defines them: ids are hex strings, attributes a list of { key, value: { stringValue | intValue | … } }.
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: OtlpAttribute[];
}
interface TraceRequest {
  resourceSpans: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans: { scope?: { name: string }; spans: OtlpSpan[] }[] }[];
}
interface MetricRequest {
  resourceMetrics: { scopeMetrics: { metrics: { name: string }[] }[] }[];
}

/** A collector on loopback that keeps what the exporters POST to /v1/traces and /v1/metrics. */
async function startOtlpCollector(): Promise<{ url: string; traces: TraceRequest[]; metrics: MetricRequest[]; contentTypes: Set<string>; close(): Promise<void> }> {
  const traces: TraceRequest[] = [];
  const metrics: MetricRequest[] = [];
  const contentTypes = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as unknown;
      contentTypes.add(String(request.headers['content-type']));
      if (request.method === 'POST' && request.url === '/v1/traces') traces.push(body as TraceRequest);
      else if (request.method === 'POST' && request.url === '/v1/metrics') metrics.push(body as MetricRequest);
      else {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    traces,
    metrics,
    contentTypes,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value.stringValue;
const spansOf = (traces: TraceRequest[]) => traces.flatMap((request) => request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
const transcriptText = async () => ({ ext: 'vtt' as const, text: (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8') });

describe('OTEL_EXPORTER_OTLP_ENDPOINT: the stack exports over OTLP/HTTP to a collector on loopback', () => {
  let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
  let fixture: StackFixture;
  let closed = false;

  beforeAll(async () => {
    collector = await startOtlpCollector();
    fixture = await startStackFixture({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'aftercall-test' } });
  });
  afterAll(async () => {
    if (!closed) await fixture?.close();
    await collector?.close();
  });

  it('sends the run as one trace and the metrics, all of it by the time the stack has closed', async () => {
    const meeting = await fixture.process('calls/exported.wav', silentWav(2), await transcriptText());
    expect(meeting.state).toBe('ready');
    // Closing shuts the SDK down, which sends what is still batched.
    closed = true;
    await fixture.close();

    expect([...collector.contentTypes]).toEqual(['application/json']);
    const spans = spansOf(collector.traces);
    const resources = collector.traces.flatMap((request) => request.resourceSpans.map((resource) => resource.resource?.attributes ?? []));
    expect(resources.every((attributes) => attributes.some((a) => a.key === 'service.name' && a.value.stringValue === 'aftercall-test'))).toBe(true);

    const root = spans.find((span) => span.name === 'workflow.start' && attribute(span, ATTR.meetingId) === meeting.meetingId && span.attributes?.some((a) => a.key === ATTR.alreadyStarted && a.value.boolValue === false));
    if (root === undefined) throw new Error('no workflow.start span that started the meeting');
    const inTrace = spans.filter((span) => span.traceId === root.traceId);
    const steps = inTrace.filter((span) => span.name.startsWith('step '));
    // The offline engines: no translator is configured, so no translation step.
    expect(steps.map((span) => span.name).sort()).toEqual(['step Index', 'step Intake', 'step Publish', 'step Transcribe', 'step Understand']);
    expect(steps.every((span) => span.parentSpanId === root.spanId)).toBe(true);
    const understand = inTrace.find((span) => span.name === 'aftercall-extractive@1 understand');
    expect(understand?.parentSpanId).toBe(steps.find((span) => span.name === 'step Understand')?.spanId);
    expect(inTrace.find((span) => span.name === 'lancedb replaceMeeting')?.parentSpanId).toBe(steps.find((span) => span.name === 'step Index')?.spanId);

    const metricNames = new Set(collector.metrics.flatMap((request) => request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.map((m) => m.name)))));
    expect(metricNames).toContain(METRIC.stepDuration);
    expect(metricNames).toContain(METRIC.providerDuration);
  });
});

describe('on Lambda (flushEachInvocation): a frozen container sends nothing, so every step exports before it returns', () => {
  let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
  let telemetry: Telemetry;
  let fixture: StackFixture;

  beforeAll(async () => {
    collector = await startOtlpCollector();
    const started = await startTelemetry(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url }), { flushEachInvocation: true });
    if (started === null) throw new Error('an OTLP endpoint must start telemetry');
    telemetry = started;
    fixture = await startStackFixture({ telemetry });
  });
  afterAll(async () => {
    await fixture?.close();
    await telemetry?.shutdown();
    await collector?.close();
  });

  it('has every step span at the collector when the run ends, before any shutdown', async () => {
    const meeting = await fixture.process('calls/flushed.wav', silentWav(2), await transcriptText());
    expect(meeting.state).toBe('ready');
    const spans = spansOf(collector.traces).filter((span) => attribute(span, ATTR.meetingId) === meeting.meetingId);
    expect(spans.filter((span) => span.name.startsWith('step ')).map((span) => span.name).sort()).toEqual(['step Index', 'step Intake', 'step Publish', 'step Transcribe', 'step Understand']);
    expect(spans.some((span) => span.name === 'workflow.start')).toBe(true);
    const metricNames = new Set(collector.metrics.flatMap((request) => request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.map((m) => m.name)))));
    expect(metricNames).toContain(METRIC.stepDuration);
  });
});
