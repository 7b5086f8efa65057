import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

export const UsageLineSchema = z.object({
  provider: z.string(),
  model: z.string(),
  /** What is counted: the price table is keyed by provider, model and unit. */
  unit: z.enum(['input_tokens', 'output_tokens', 'audio_minutes', 'embedding_tokens', 'requests']),
  quantity: z.number().nonnegative(),
});
export type UsageLine = z.infer<typeof UsageLineSchema>;

export const DegradationSchema = z.object({ reason: z.string() });
export type Degradation = z.infer<typeof DegradationSchema>;

interface StepAccount {
  usage: UsageLine[];
  degraded: Degradation[];
  retries: number;
}

const current = new AsyncLocalStorage<StepAccount>();
/** Who else hears of each usage line, innermost last (tracing: the step's and the provider call's span). */
const observers = new AsyncLocalStorage<readonly ((line: UsageLine) => void)[]>();

/**
 * Runs one step's work with its own account, so that provider adapters shared by steps
 * running in parallel (Translate and Understand) charge the step that called them.
 */
export async function withStepAccount<T>(work: () => Promise<T>): Promise<{ value: T; account: StepAccount }> {
  const account: StepAccount = { usage: [], degraded: [], retries: 0 };
  const value = await current.run(account, work);
  return { value, account };
}

/** Adapters call this with what a provider call consumed (tokens, audio minutes). Outside a step it is a no-op. */
export function meterUsage(line: UsageLine): void {
  current.getStore()?.usage.push(line);
  for (const observe of observers.getStore() ?? []) observe(line);
}

/**
 * Runs work and tells `observe` of every usage line metered inside it, as well as any observer
 * around it; nothing is charged twice to the step's account.
 */
export async function observeUsage<T>(work: () => Promise<T>, observe: (line: UsageLine) => void): Promise<T> {
  return observers.run([...(observers.getStore() ?? []), observe], work);
}

/** A result was produced by a fallback instead of the configured provider: the manifest says so. */
export function markDegraded(reason: string): void {
  current.getStore()?.degraded.push({ reason });
}

/** A provider call was retried inside an adapter (the SDK's own retries), for the manifest's accounting. */
export function countRetry(): void {
  const account = current.getStore();
  if (account !== undefined) account.retries += 1;
}
