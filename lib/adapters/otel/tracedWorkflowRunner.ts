import { SpanKind } from '@opentelemetry/api';
import type { WorkflowRunner } from '../../domain/ports/WorkflowRunner.js';
import { markFailed } from './spanOutcome.js';
import type { Telemetry } from './Telemetry.js';
import { ATTR, SPAN } from './telemetryNames.js';
import { traceparentOf } from './traceparent.js';

/**
 * Starts every run inside the span that roots its trace, and hands the run that span's
 * `traceparent` in its input (`meeting.traceparent`): the steps run as separate Lambda
 * invocations, and this is how each of them finds the run's trace.
 */
export function tracedWorkflowRunner(inner: WorkflowRunner, telemetry: Telemetry): WorkflowRunner {
  return {
    isRunning: (name) => inner.isRunning(name),
    start: (run) => {
      const { meeting } = run.input;
      const attributes = { [ATTR.meetingId]: meeting.meetingId, [ATTR.tenantId]: meeting.tenantId, [ATTR.runId]: run.name, [ATTR.trigger]: meeting.trigger };
      return telemetry.tracer.startActiveSpan(SPAN.workflowStart, { kind: SpanKind.PRODUCER, attributes }, async (span) => {
        try {
          const traceparent = traceparentOf(span);
          const started = await inner.start({ name: run.name, input: { ...run.input, meeting: { ...meeting, ...(traceparent === undefined ? {} : { traceparent }) } } });
          // Already started: the run keeps the trace of its first start; this span says so.
          span.setAttribute(ATTR.alreadyStarted, started.alreadyStarted);
          return started;
        } catch (error) {
          markFailed(span, error);
          throw error;
        } finally {
          span.end();
          await telemetry.afterInvocation();
        }
      });
    },
  };
}
