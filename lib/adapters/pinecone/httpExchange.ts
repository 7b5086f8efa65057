import { AsyncLocalStorage } from 'node:async_hooks';

interface Exchange {
  status: number | undefined;
}

const current = new AsyncLocalStorage<Exchange>();
const observingFetches = new WeakSet<object>();

/**
 * The fetch the Pinecone client is built with: a deadline on every request (the SDK sets none, so
 * a hung connection would hold the step until the Lambda dies), and the response status noted for
 * the call in progress. SDK v8 turns 403 into the same error class as 400 and a 429 into an
 * "unmapped" error whose status is only in its message; the status seen here is exact.
 */
export function observingFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  const observing: typeof fetch = async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await base(input, { ...init, signal });
    const exchange = current.getStore();
    if (exchange !== undefined) exchange.status = response.status;
    return response;
  };
  observingFetches.add(observing);
  return observing;
}

/** Whether a client's fetch is one of ours, i.e. has a deadline and reports statuses. */
export function isObservingFetch(candidate: unknown): boolean {
  return typeof candidate === 'function' && observingFetches.has(candidate);
}

/**
 * Runs one SDK call. If it fails, `describeFailure` gets the error and the HTTP status the call
 * ended with (undefined when no response came back). The status travels in async context, so
 * concurrent calls never mix theirs up.
 */
export async function withHttpStatus<T>(call: () => Promise<T>, describeFailure: (error: unknown, status: number | undefined) => Error): Promise<T> {
  const exchange: Exchange = { status: undefined };
  try {
    return await current.run(exchange, call);
  } catch (error) {
    throw describeFailure(error, exchange.status);
  }
}
