import { SpanKind, context, createContextKey, type Attributes } from '@opentelemetry/api';
import { z } from 'zod';
import { observeUsage, type UsageLine } from '../../domain/usage/usageMeter.js';
import { markFailed } from './spanOutcome.js';
import type { Telemetry } from './Telemetry.js';
import { ATTR, SPAN } from './telemetryNames.js';
import { contextFromTraceparent } from './traceparent.js';
import { usageAttributes } from './usageAttributes.js';

const STEP = createContextKey('aftercall.step');

interface StepLabels {
  /** On every span inside the step. */
  span: Attributes;
  /** Few values each: safe as metric dimensions (no meeting or run ids). */
  metric: Attributes;
}

/** The step the current work belongs to, for the spans and metrics of the provider calls it makes. */
export function currentStepLabels(): StepLabels {
  return (context.active().getValue(STEP) as StepLabels | undefined) ?? { span: {}, metric: {} };
}

// Read loosely from the raw event, before the step validates it: a bad event still gets its span.
const RunOfEvent = z.object({
  meeting: z.object({ meetingId: z.string(), tenantId: z.string(), runId: z.string(), traceparent: z.string().optional() }),
});

/**
 * Runs one Task invocation inside the span "step <Task>", a child of the run's trace (the
 * `traceparent` the run carries in its state), and records its duration, tokens and cost.
 */
export async function inStepSpan<T>(telemetry: Telemetry, taskState: string, event: unknown, work: () => Promise<T>): Promise<T> {
  const run = RunOfEvent.safeParse(event);
  const meeting = run.success ? run.data.meeting : undefined;
  const metric: Attributes = { [ATTR.step]: taskState, ...(meeting === undefined ? {} : { [ATTR.tenantId]: meeting.tenantId }) };
  const labels: StepLabels = { metric, span: { ...metric, ...(meeting === undefined ? {} : { [ATTR.meetingId]: meeting.meetingId, [ATTR.runId]: meeting.runId }) } };
  const parent = contextFromTraceparent(meeting?.traceparent).setValue(STEP, labels);
  const started = performance.now();
  // Each step runs in its own Lambda: on AWS it is the invocation's server span (an X-Ray segment).
  return telemetry.tracer.startActiveSpan(SPAN.step(taskState), { kind: SpanKind.SERVER, attributes: labels.span }, parent, async (span) => {
    const usage: UsageLine[] = [];
    let outcome: Attributes = {};
    try {
      return await observeUsage(work, (line) => usage.push(line));
    } catch (error) {
      outcome = markFailed(span, error);
      throw error;
    } finally {
      span.setAttributes(usageAttributes(usage, telemetry.prices));
      span.end();
      telemetry.instruments.stepDuration.record((performance.now() - started) / 1000, { ...metric, ...outcome });
      await telemetry.afterInvocation();
    }
  });
}
