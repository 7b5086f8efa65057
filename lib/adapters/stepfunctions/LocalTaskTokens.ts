import type { TaskTokens } from '../../domain/ports/TaskTokens.js';

interface Waiter {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Task tokens in-process: aws-local-stepfunctions has no token mechanism, so the local runner
 * waits here for the token its Task handed out, and whoever completes it (the step itself, or
 * the provider's callback arriving at the local HTTP server) settles the wait.
 */
export class LocalTaskTokens implements TaskTokens {
  private readonly waiters = new Map<string, Waiter>();
  private readonly early = new Map<string, { output: unknown } | { error: Error }>();

  /** Called before the task's handler runs, so a completion during the handler is not missed. */
  expect(token: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const settled = this.early.get(token);
      if (settled !== undefined) {
        this.early.delete(token);
        if ('error' in settled) reject(settled.error);
        else resolve(settled.output);
        return;
      }
      this.waiters.set(token, { resolve, reject });
    });
  }

  forget(token: string): void {
    this.waiters.delete(token);
  }

  async succeed(token: string, output: unknown): Promise<void> {
    const waiter = this.waiters.get(token);
    this.waiters.delete(token);
    if (waiter === undefined) this.early.set(token, { output });
    else waiter.resolve(output);
  }

  async fail(token: string, error: { name: string; message: string }): Promise<void> {
    // The name is what the state machine's Retry and Catch match on.
    const failure = Object.assign(new Error(error.message), { name: error.name });
    const waiter = this.waiters.get(token);
    this.waiters.delete(token);
    if (waiter === undefined) this.early.set(token, { error: failure });
    else waiter.reject(failure);
  }
}
