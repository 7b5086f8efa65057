import type { Counter, Histogram, Tracer } from '@opentelemetry/api';
import type { PriceTable } from '../../domain/usage/priceTable.js';

export interface TelemetryInstruments {
  /** Seconds a step's invocation took, by step, tenant and outcome. */
  stepDuration: Histogram;
  /** Seconds a provider call took, by provider, operation and outcome. */
  providerDuration: Histogram;
  tokens: Counter;
  audioMinutes: Counter;
  /** Estimated US dollars, priced with the same table as the manifest's cost. */
  cost: Counter;
}

/** A started OpenTelemetry SDK: what the step wrapper and the port decorators record into. */
export interface Telemetry {
  readonly tracer: Tracer;
  readonly instruments: TelemetryInstruments;
  readonly prices: PriceTable;
  /**
   * Called when a unit of work (a step, a run's start) ends. On Lambda it exports what is
   * buffered: a frozen container exports nothing until it thaws, if ever. Elsewhere a no-op.
   */
  afterInvocation(): Promise<void>;
  /** Exports what is left and unregisters the SDK, so that another can start in this process. */
  shutdown(): Promise<void>;
}
