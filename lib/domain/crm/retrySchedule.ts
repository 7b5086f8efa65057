/** How long failed deliveries are retried, and how far apart. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** After this long since the first attempt, a failure dead-letters the message. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5_000, capMs: 60 * 60_000, giveUpAfterMs: 24 * 60 * 60_000 };

/**
 * Exponential back-off with full jitter (a uniform wait in [0, min(cap, base·2^(n-1))]): receivers
 * that come back after an outage are not hit by every sender at the same instant.
 * `failures` counts failed attempts so far (1 after the first failure).
 */
export function retryDelayMs(policy: RetryPolicy, failures: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}
