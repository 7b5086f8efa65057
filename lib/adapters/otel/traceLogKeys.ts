import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * `trace_id` and `span_id` of the span active where a log line is written, else nothing. Read at
 * each write, not appended to the logger once: locally the steps of several runs share one
 * logger at the same time, and only the async context knows which run a line belongs to.
 */
export function traceLogKeys(): { trace_id: string; span_id: string } | Record<string, never> {
  const span = trace.getActiveSpan()?.spanContext();
  return span !== undefined && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
