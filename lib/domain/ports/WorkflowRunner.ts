import type { StepInput } from '../meetings/schema.js';

export interface StartedRun {
  executionName: string;
  /** True when a run of that name already existed: nothing new was started. */
  alreadyStarted: boolean;
}

/** Starts the post-call state machine. A run's name is unique: starting a name twice starts it once. */
export interface WorkflowRunner {
  start(run: { name: string; input: StepInput }): Promise<StartedRun>;
  /** Whether the named run exists and has not ended (a run whose worker died is not running). */
  isRunning(name: string): Promise<boolean>;
}
