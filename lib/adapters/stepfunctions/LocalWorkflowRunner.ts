import '../../platform/promiseWithResolvers.js';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { z } from 'zod';
import type { StepInput } from '../../domain/meeting/schema.js';
import type { StartedRun, WorkflowRunner } from '../../domain/ports/WorkflowRunner.js';
import type { LocalTaskTokens } from './LocalTaskTokens.js';
import { localLambdaContext } from './localLambdaContext.js';

type JsonValue = Parameters<StateMachine['run']>[0];
type TaskHandler = (event: unknown, context: Context) => Promise<unknown>;
type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
export type WorkflowEvent = Awaited<ReturnType<ReturnType<StateMachine['run']>['eventLogs']['next']>>['value'];

const FOREIGN_RUN_POLL_MS = 100;

export const ExecutionRecordSchema = z.object({
  name: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** The process running it: a RUNNING record whose process is gone was interrupted by a crash. */
  pid: z.number().int(),
  /** Kept so an interrupted run can be started again as it was. */
  input: z.unknown(),
});
export type ExecutionRecord = z.infer<typeof ExecutionRecordSchema>;

export interface LocalWorkflowRunnerOptions {
  definition: object;
  /** Task state name → the same handler code Lambda runs. */
  handlers: Record<string, TaskHandler>;
  /** Execution records live here, so a name started once is never started again, across restarts. */
  executionsDir: string;
  retryIntervalOverrides?: Record<string, number | number[]>;
  /** Completes Tasks that wait for a token (…waitForTaskToken Resources); required when the definition has any. */
  taskTokens?: LocalTaskTokens;
  /** Every state-machine event (state entered/exited, retries, map iterations), for progress and the bench. */
  onEvent?: (executionName: string, event: WorkflowEvent) => void;
}

/** Runs the post-call ASL in-process with aws-local-stepfunctions: the workflow port without AWS. */
export class LocalWorkflowRunner implements WorkflowRunner {
  private readonly machine: StateMachine;
  private readonly running = new Map<string, Promise<ExecutionRecord>>();
  private readonly localHandlers: LocalHandlers;

  constructor(private readonly options: LocalWorkflowRunnerOptions) {
    // Every Task is overridden by a local handler, so the Resource ARNs are never called.
    this.machine = new StateMachine(options.definition as StateMachineDefinition);
    const waiting = statesWaitingForToken(options.definition);
    this.localHandlers = Object.fromEntries(
      Object.entries(options.handlers).map(([state, handler]) => [
        state,
        waiting.has(state) ? this.waitForToken(state, handler) : async (input: JsonValue) => (await handler(input, localLambdaContext(state))) as JsonValue,
      ]),
    );
  }

  /**
   * Locally, a …waitForTaskToken Task calls its function with the Payload and then waits for
   * the token, as Step Functions does; the function (or a callback) completes it.
   */
  private waitForToken(state: string, handler: TaskHandler) {
    return async (input: JsonValue): Promise<JsonValue> => {
      const tokens = this.options.taskTokens;
      if (tokens === undefined) throw new Error(`state ${state} waits for a task token, but the runner has no taskTokens`);
      const payload = z.object({ Payload: z.object({ taskToken: z.string() }).passthrough() }).parse(input).Payload;
      const completion = tokens.expect(payload.taskToken);
      try {
        await handler(payload, localLambdaContext(state));
      } catch (error) {
        tokens.forget(payload.taskToken);
        throw error;
      }
      return (await completion) as JsonValue;
    };
  }

  async start(run: { name: string; input: StepInput }): Promise<StartedRun> {
    // Claimed in memory before the first await, so a second start in this process waits on the first.
    if (this.running.has(run.name)) return { executionName: run.name, alreadyStarted: true };
    let settle: (outcome: Promise<ExecutionRecord>) => void = () => undefined;
    this.running.set(run.name, new Promise<ExecutionRecord>((resolve) => (settle = resolve)));
    const record: ExecutionRecord = {
      name: run.name,
      status: 'RUNNING',
      startedAt: new Date().toISOString(),
      stoppedAt: null,
      error: null,
      pid: process.pid,
      input: run.input,
    };
    // Exclusive create is the lock across processes and restarts: one start of a name ever runs it.
    try {
      await mkdir(this.options.executionsDir, { recursive: true });
      const file = await open(this.recordPath(run.name), 'wx');
      await file.writeFile(JSON.stringify(record));
      await file.close();
    } catch (error) {
      this.running.delete(run.name);
      settle(this.waitForRecord(run.name));
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { executionName: run.name, alreadyStarted: true };
      throw error;
    }
    settle(this.execute(run.name, run.input, record));
    return { executionName: run.name, alreadyStarted: false };
  }

  /** Resolves when the named run ends, whichever process runs it (at once if it already has). */
  async wait(name: string): Promise<ExecutionRecord> {
    return this.running.get(name) ?? this.waitForRecord(name);
  }

  private async waitForRecord(name: string): Promise<ExecutionRecord> {
    for (;;) {
      const record = await this.describe(name);
      if (record === null) throw new Error(`no execution named ${name}`);
      // A run of another live process: poll its record; one whose process died stays as it is.
      if (record.status !== 'RUNNING' || !isAlive(record.pid) || record.pid === process.pid) return record;
      await new Promise((done) => setTimeout(done, FOREIGN_RUN_POLL_MS));
    }
  }

  async describe(name: string): Promise<ExecutionRecord | null> {
    try {
      return ExecutionRecordSchema.parse(JSON.parse(await readFile(this.recordPath(name), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Starts again every run a crashed process left RUNNING, from its first state, with its
   * input: AWS Step Functions outlives a crashed worker, so locally nothing may be lost either.
   * Every step is idempotent (results are overwritten, vectors replaced), so a rerun is safe.
   */
  async recoverInterrupted(): Promise<string[]> {
    await mkdir(this.options.executionsDir, { recursive: true });
    const recovered: string[] = [];
    for (const file of await readdir(this.options.executionsDir)) {
      const record = await this.describe(decodeURIComponent(file.replace(/\.json$/, '')));
      if (record === null || record.status !== 'RUNNING' || this.running.has(record.name) || isAlive(record.pid)) continue;
      const restarted: ExecutionRecord = { ...record, pid: process.pid, startedAt: new Date().toISOString() };
      await writeFile(this.recordPath(record.name), JSON.stringify(restarted));
      this.running.set(record.name, this.execute(record.name, record.input as StepInput, restarted));
      recovered.push(record.name);
    }
    return recovered;
  }

  /** Waits for every run this process started. */
  async drain(): Promise<ExecutionRecord[]> {
    return Promise.all(this.running.values());
  }

  private async execute(name: string, input: StepInput, record: ExecutionRecord): Promise<ExecutionRecord> {
    const runOptions: RunOptions = {
      overrides: {
        taskResourceLocalHandlers: this.localHandlers,
        ...(this.options.retryIntervalOverrides === undefined ? {} : { retryIntervalOverrides: this.options.retryIntervalOverrides }),
      },
      // One token per execution is enough locally: only one waiting Task runs at a time.
      context: {
        Execution: { Id: `local:${name}`, Name: name, Input: input as JsonValue, StartTime: record.startedAt },
        Task: { Token: `local-token:${name}:${randomUUID()}` },
      },
    };
    const execution = this.machine.run(input as JsonValue, runOptions);
    const events = this.forwardEvents(name, execution.eventLogs);
    let finished: ExecutionRecord;
    try {
      await execution.result;
      finished = { ...record, status: 'SUCCEEDED', stoppedAt: new Date().toISOString() };
    } catch (error) {
      finished = { ...record, status: 'FAILED', stoppedAt: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) };
    }
    await events;
    await writeFile(this.recordPath(name), JSON.stringify(finished));
    this.running.delete(name);
    return finished;
  }

  private async forwardEvents(name: string, events: AsyncGenerator<WorkflowEvent>): Promise<void> {
    const listener = this.options.onEvent;
    for await (const event of events) listener?.(name, event);
  }

  private recordPath(name: string): string {
    return join(this.options.executionsDir, `${encodeURIComponent(name)}.json`);
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Task states (nested ones too) whose Resource waits for a task token. */
function statesWaitingForToken(definition: object): Set<string> {
  const names = new Set<string>();
  const visit = (machine: unknown): void => {
    const states = (machine as { States?: Record<string, Record<string, unknown>> }).States ?? {};
    for (const [name, state] of Object.entries(states)) {
      if (typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken')) names.add(name);
      for (const branch of (state.Branches as unknown[] | undefined) ?? []) visit(branch);
      if (state.ItemProcessor !== undefined) visit(state.ItemProcessor);
      if (state.Iterator !== undefined) visit(state.Iterator);
    }
  };
  visit(definition);
  return names;
}
