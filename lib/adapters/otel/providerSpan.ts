import { SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { observeUsage, type UsageLine } from '../../domain/usage/usageMeter.js';
import { errorTypeOf, markFailed } from './spanOutcome.js';
import { currentStepLabels } from './stepSpan.js';
import type { Telemetry } from './Telemetry.js';
import { ATTR, SPAN } from './telemetryNames.js';
import { countUsage, usageAttributes } from './usageAttributes.js';

export interface ProviderCall {
  /** "deepgram", "openai", "pinecone", "lancedb", "s3", … */
  provider: string;
  operation: string;
}

/**
 * One provider call: a client span under the step that made it (none outside a run — an API
 * search — so requests do not each start a trace of their own), its latency, and the tokens,
 * audio and cost it metered, counted once here.
 */
export async function inProviderSpan<T>(telemetry: Telemetry, call: ProviderCall, work: () => Promise<T>): Promise<T> {
  const step = currentStepLabels();
  const callLabels: Attributes = { [ATTR.provider]: call.provider, [ATTR.operation]: call.operation };
  const usage: UsageLine[] = [];
  const metered = () =>
    observeUsage(work, (line) => {
      usage.push(line);
      countUsage(telemetry.instruments, line, telemetry.prices, step.metric);
    });
  const started = performance.now();
  const recordLatency = (outcome: Attributes) => telemetry.instruments.providerDuration.record((performance.now() - started) / 1000, { ...step.metric, ...callLabels, ...outcome });

  if (trace.getActiveSpan() === undefined) {
    try {
      const value = await metered();
      recordLatency({});
      return value;
    } catch (error) {
      recordLatency({ [ATTR.errorType]: errorTypeOf(error) });
      throw error;
    }
  }
  return telemetry.tracer.startActiveSpan(SPAN.provider(call.provider, call.operation), { kind: SpanKind.CLIENT, attributes: { ...step.span, ...callLabels } }, async (span) => {
    let outcome: Attributes = {};
    try {
      return await metered();
    } catch (error) {
      outcome = markFailed(span, error);
      throw error;
    } finally {
      const model = usage[0]?.model;
      span.setAttributes({ ...usageAttributes(usage, telemetry.prices), ...(model === undefined ? {} : { [ATTR.model]: model }) });
      span.end();
      recordLatency(outcome);
    }
  });
}
