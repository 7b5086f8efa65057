import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import { ATTR } from './telemetryNames.js';

/** The error's name (what the state machine's Retry and Catch match on), as `error.type`. */
export const errorTypeOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

export function markFailed(span: Span, error: unknown): Attributes {
  const type = errorTypeOf(error);
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  span.setAttribute(ATTR.errorType, type);
  return { [ATTR.errorType]: type };
}
