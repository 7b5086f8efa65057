import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';
import { traceLogKeys } from '../adapters/otel/traceLogKeys.js';

const withTrace = (input: LogItemMessage): LogItemMessage => {
  const keys = traceLogKeys();
  if (!('trace_id' in keys)) return input;
  return typeof input === 'string' ? { message: input, ...keys } : { ...input, ...keys };
};

/** Powertools' logger whose every line carries the trace and span it was written in (when tracing is on). */
class TracedLogger extends Logger {
  override debug(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.debug(withTrace(input), ...extra);
  }
  override info(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.info(withTrace(input), ...extra);
  }
  override warn(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.warn(withTrace(input), ...extra);
  }
  override error(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.error(withTrace(input), ...extra);
  }
  override critical(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.critical(withTrace(input), ...extra);
  }
}

let sharedLogger: Logger | undefined;

/**
 * The functions' one structured logger (JSON lines with service, level, message, timestamp and,
 * inside a middy chain with injectLambdaContext, the request id; with tracing on, trace_id and
 * span_id). Created on first use, not at import: Powertools reads its level from the environment.
 */
export const lambdaLogger = (): Logger => (sharedLogger ??= new TracedLogger({ serviceName: 'aftercall' }));
