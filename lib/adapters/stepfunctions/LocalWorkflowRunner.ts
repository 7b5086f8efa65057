import '../../platform/promiseWithResolvers.js';
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { z } from 'zod';
import type { StepInput } from '../../domain/meetings/schema.js';
import type { StartedRun, WorkflowRunner } from '../../domain/ports/WorkflowRunner.js';
import type { LocalTaskTokens } from './LocalTaskTokens.js';
import { localLambdaContext } from './localLambdaContext.js';

type JsonValue = Parameters<StateMachine['run']>[0];
type TaskHandler = (event: unknown, context: Context) => Promise<unknown>;
type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
export type WorkflowEvent = Awaited<ReturnType<ReturnType<StateMachine['run']>['eventLogs']['next']>>['value'];

const FOREIGN_RUN_POLL_MS = 100;
/** How long a RUNNING record outlives its last heartbeat before another runner takes it over. */
export const DEFAULT_RUN_LEASE_MS = 30_000;

export const ExecutionRecordSchema = z.object({
  name: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * The runner instance running it (a random id per start of the process). Not the process id:
   * a container restarted on the same data folder gets the same pid again.
   */
  owner: z.string().default('unknown'),
  /** Renewed while the owner runs it: a RUNNING record whose lease ran out was interrupted by a crash. */
  heartbeatAt: z.string().default(new Date(0).toISOString()),
  /** How many times it was started: the first start, then once per takeover after a crash. */
  attempt: z.number().int().positive().default(1),
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
  /** A run whose heartbeat is older than this is taken over by another runner (default 30 s); renewed every third of it. */
  leaseMs?: number;
}

/** Runs the post-call ASL in-process with aws-local-stepfunctions: the workflow port without AWS. */
export class LocalWorkflowRunner implements WorkflowRunner {
  private readonly machine: StateMachine;
  private readonly running = new Map<string, Promise<ExecutionRecord>>();
  private readonly localHandlers: LocalHandlers;
  /** This runner's identity in execution records, new at every start of the process. */
  readonly owner = randomUUID();
  private readonly leaseMs: number;
  /** Record writes per name, in order: a heartbeat never lands after the final record. */
  private readonly writes = new Map<string, Promise<void>>();
  /** The records of the runs this runner is running now, whose leases it renews. */
  private readonly live = new Map<string, ExecutionRecord>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: LocalWorkflowRunnerOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_RUN_LEASE_MS;
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
      owner: this.owner,
      heartbeatAt: new Date().toISOString(),
      attempt: 1,
      input: run.input,
    };
    // Linking a complete file into place is the lock across processes and restarts (one start
    // of a name ever runs it), and no reader ever sees a half-written record.
    try {
      await mkdir(this.options.executionsDir, { recursive: true });
      const tmp = await this.writeTemp(record);
      try {
        await link(tmp, this.recordPath(run.name));
      } finally {
        await unlink(tmp);
      }
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
      // A run of another live runner: poll its record; one whose lease ran out stays as it is.
      if (record.status !== 'RUNNING' || this.leaseExpired(record) || (record.owner === this.owner && !this.running.has(name))) return record;
      await new Promise((done) => setTimeout(done, FOREIGN_RUN_POLL_MS));
    }
  }

  async isRunning(name: string): Promise<boolean> {
    if (this.running.has(name)) return true;
    const record = await this.describe(name);
    return record?.status === 'RUNNING' && !this.leaseExpired(record);
  }

  /** Names of the runs recorded here that start with `prefix` (a meeting id: every run of the meeting), oldest first. */
  async executionsOf(prefix: string): Promise<string[]> {
    let files: string[];
    try {
      files = await readdir(this.options.executionsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records = await Promise.all(
      files.filter((file) => file.endsWith('.json')).map((file) => decodeURIComponent(file.slice(0, -'.json'.length))).filter((name) => name.startsWith(prefix)).map((name) => this.describe(name)),
    );
    return records
      .filter((record): record is ExecutionRecord => record !== null)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.name.localeCompare(b.name))
      .map((record) => record.name);
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
   * Starts again every run a crashed runner left RUNNING (its lease ran out), from its first
   * state, with its input: AWS Step Functions outlives a crashed worker, so locally nothing may
   * be lost either. Every step is idempotent (results are overwritten, vectors replaced), so a
   * rerun is safe. Runs whose lease has not run out yet are taken over by the sweep that
   * `watchInterrupted` starts, once it does.
   */
  async recoverInterrupted(): Promise<string[]> {
    await mkdir(this.claimsDir(), { recursive: true });
    const recovered: string[] = [];
    for (const file of await readdir(this.options.executionsDir)) {
      if (!file.endsWith('.json')) continue;
      const record = await this.describe(decodeURIComponent(file.replace(/\.json$/, '')));
      if (record === null || record.status !== 'RUNNING' || this.running.has(record.name) || !this.leaseExpired(record)) continue;
      // Two runners that find the same expired lease: the exclusive claim picks one.
      if (!(await this.claim(record))) continue;
      const now = new Date().toISOString();
      const restarted: ExecutionRecord = { ...record, owner: this.owner, heartbeatAt: now, startedAt: now, attempt: record.attempt + 1 };
      await this.persist(restarted);
      this.running.set(record.name, this.execute(record.name, record.input as StepInput, restarted));
      recovered.push(record.name);
    }
    return recovered;
  }

  /**
   * Renews the lease of this runner's runs and takes over runs whose lease ran out, every third
   * of the lease, until `close`. Timers are unref'd: they never keep a process alive.
   */
  watchInterrupted(onRecovered: (names: string[]) => void = () => undefined, onError: (error: unknown) => void = () => undefined): void {
    if (this.heartbeat !== null) return;
    this.heartbeat = setInterval(() => {
      void (async () => {
        const now = new Date().toISOString();
        await Promise.all([...this.live.values()].map((record) => this.persist({ ...record, heartbeatAt: now }, { onlyWhileLive: true })));
        const recovered = await this.recoverInterrupted();
        if (recovered.length > 0) onRecovered(recovered);
      })().catch(onError);
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
  }

  /** Stops renewing leases and taking over runs. */
  close(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private leaseExpired(record: ExecutionRecord): boolean {
    return Date.now() - Date.parse(record.heartbeatAt) > this.leaseMs;
  }

  private async claim(record: ExecutionRecord): Promise<boolean> {
    try {
      await (await open(join(this.claimsDir(), `${encodeURIComponent(record.name)}.${record.attempt + 1}`), 'wx')).close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  private claimsDir(): string {
    return join(this.options.executionsDir, 'claims');
  }

  private persist(record: ExecutionRecord, options: { onlyWhileLive?: boolean } = {}): Promise<void> {
    const previous = this.writes.get(record.name) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        // A heartbeat queued before the run ended must not overwrite its final record.
        if (options.onlyWhileLive === true && !this.live.has(record.name)) return;
        await rename(await this.writeTemp(record), this.recordPath(record.name));
      });
    this.writes.set(record.name, next);
    void next.finally(() => {
      if (this.writes.get(record.name) === next) this.writes.delete(record.name);
    }).catch(() => undefined);
    return next;
  }

  /** Waits for every run this process started. */
  async drain(): Promise<ExecutionRecord[]> {
    return Promise.all(this.running.values());
  }

  private async execute(name: string, input: StepInput, record: ExecutionRecord): Promise<ExecutionRecord> {
    this.live.set(name, record);
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
    this.live.delete(name);
    await this.persist(finished);
    this.running.delete(name);
    return finished;
  }

  private async forwardEvents(name: string, events: AsyncGenerator<WorkflowEvent>): Promise<void> {
    const listener = this.options.onEvent;
    for await (const event of events) listener?.(name, event);
  }

  private async writeTemp(record: ExecutionRecord): Promise<string> {
    const tmp = join(this.options.executionsDir, `.${encodeURIComponent(record.name)}.${randomUUID()}.tmp`);
    await writeFile(tmp, JSON.stringify(record));
    return tmp;
  }

  private recordPath(name: string): string {
    return join(this.options.executionsDir, `${encodeURIComponent(name)}.json`);
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
