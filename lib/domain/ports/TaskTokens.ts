/**
 * Completes a workflow task that waits for a token (Step Functions' .waitForTaskToken): how a
 * step that hands work to a provider lets the workflow go on when the provider calls back,
 * with no function waiting in between.
 */
export interface TaskTokens {
  succeed(token: string, output: unknown): Promise<void>;
  fail(token: string, error: { name: string; message: string }): Promise<void>;
}
