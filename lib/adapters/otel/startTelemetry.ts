import { context, metrics, propagation, trace } from '@opentelemetry/api';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Config } from '../../config/config.js';
import { InternalError } from '../../domain/errors.js';
import { DEFAULT_PRICES } from '../../domain/usage/priceTable.js';
import { AFTERCALL_VERSION } from '../../version.js';
import type { Telemetry } from './Telemetry.js';
import { INSTRUMENTATION_SCOPE, METRIC } from './telemetryNames.js';

export class TelemetryAlreadyStartedError extends InternalError {
  override readonly name = 'TelemetryAlreadyStartedError';
}

export interface TelemetryOptions {
  /** Replaces the exporter the configuration chooses (tests: an in-memory one). */
  spanExporter?: SpanExporter;
  /** Replaces the metric reader the configuration chooses (tests: one they collect from). */
  metricReader?: MetricReader;
  /** Export at the end of every step and run start (Lambda freezes the container between invocations). */
  flushEachInvocation?: boolean;
}

/** Whether configuration asks for telemetry at all: without it no SDK module is even loaded. */
export const telemetryWanted = (config: Config): boolean => config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined || config.AFTERCALL_TRACE === 'console';

let started = false;

/**
 * Starts the OpenTelemetry SDK when configuration asks for it (an OTLP endpoint, or
 * AFTERCALL_TRACE=console), else returns null having loaded nothing: off costs nothing.
 * Registers globally (tracer provider, AsyncLocalStorage context manager, meter provider):
 * the context manager is what makes a provider call's span a child of its step's span.
 */
export async function startTelemetry(config: Config, options: TelemetryOptions = {}): Promise<Telemetry | null> {
  const overridden = options.spanExporter !== undefined || options.metricReader !== undefined;
  if (!overridden && !telemetryWanted(config)) return null;
  if (started) throw new TelemetryAlreadyStartedError('OpenTelemetry is already started in this process: shut the other Telemetry down first');

  const [{ NodeTracerProvider }, { BatchSpanProcessor, SimpleSpanProcessor, ConsoleSpanExporter }, { MeterProvider, PeriodicExportingMetricReader, ConsoleMetricExporter }, { resourceFromAttributes }, { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION }, { AWSXRayIdGenerator }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
      import('@opentelemetry/id-generator-aws-xray'),
    ]);
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME, [ATTR_SERVICE_VERSION]: AFTERCALL_VERSION });
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');

  let spanProcessor;
  if (options.spanExporter !== undefined) spanProcessor = new SimpleSpanProcessor(options.spanExporter);
  else if (endpoint !== undefined) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }));
  } else spanProcessor = new SimpleSpanProcessor(new ConsoleSpanExporter());

  let metricReader: MetricReader | undefined = options.metricReader;
  if (metricReader === undefined && endpoint !== undefined) {
    const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
    metricReader = new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }) });
  } else if (metricReader === undefined) {
    metricReader = new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter() });
  }

  // X-Ray takes W3C trace ids whose first four bytes are the start time; any other backend takes them too.
  const tracerProvider = new NodeTracerProvider({ resource, idGenerator: new AWSXRayIdGenerator(), spanProcessors: [spanProcessor] });
  const meterProvider = new MeterProvider({ resource, readers: [metricReader] });
  tracerProvider.register();
  metrics.setGlobalMeterProvider(meterProvider);
  started = true;

  const meter = meterProvider.getMeter(INSTRUMENTATION_SCOPE, AFTERCALL_VERSION);
  const flush = async () => {
    await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
  };
  return {
    tracer: tracerProvider.getTracer(INSTRUMENTATION_SCOPE, AFTERCALL_VERSION),
    prices: config.AFTERCALL_PRICES ?? DEFAULT_PRICES,
    instruments: {
      stepDuration: meter.createHistogram(METRIC.stepDuration, { unit: 's', description: 'How long a workflow step took' }),
      providerDuration: meter.createHistogram(METRIC.providerDuration, { unit: 's', description: 'How long a provider call took' }),
      tokens: meter.createCounter(METRIC.tokens, { unit: '{token}', description: 'Tokens consumed by language and embedding models' }),
      audioMinutes: meter.createCounter(METRIC.audioMinutes, { unit: 'min', description: 'Audio minutes sent to speech-to-text' }),
      cost: meter.createCounter(METRIC.cost, { unit: 'USD', description: 'Estimated provider cost, priced like the manifest' }),
    },
    afterInvocation: options.flushEachInvocation === true ? flush : async () => undefined,
    shutdown: async () => {
      try {
        await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      } finally {
        // register() set all four; another Telemetry in this process registers its own.
        trace.disable();
        metrics.disable();
        context.disable();
        propagation.disable();
        started = false;
      }
    },
  };
}
