import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import { STATUS_SCHEMA_VERSION, StepStatusSchema, type MeetingContext, type StepName, type StepStatus } from '../meetings/schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { withStepAccount } from '../usage/usageMeter.js';
import type { StepDeps } from './StepDeps.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';

/** A step's outcome that is not a failure but did not do the work, with the reason for the user. */
export class Skipped<T> {
  constructor(
    readonly reason: string,
    readonly value: T,
  ) {}
}

/** A step that handed its work to a provider: it stays "running" until the provider calls back. */
export class Pending<T> {
  constructor(
    readonly detail: string,
    readonly value: T,
  ) {}
}

/**
 * Runs one step and records it beside the recording as running, then succeeded, skipped or
 * failed. Each step (and each translation language) has its own status object, so steps
 * that run in parallel never overwrite each other's progress.
 */
export async function trackStep<T>(
  deps: Pick<StepDeps, 'blobs' | 'clock'>,
  meeting: MeetingContext,
  step: StepName,
  work: () => Promise<T | Skipped<T> | Pending<T>>,
  variant?: string,
): Promise<T> {
  const key = resultKey(meeting.resultPrefix, resultFiles.stepStatus(variant === undefined ? step : `${step}.${variant}`));
  const startedAt = deps.clock().toISOString();
  const attempt = await attemptNumber(deps, key, meeting.runId);
  const write = (state: StepStatus['state'], detail: string | null, finishedAt: string | null, account?: Pick<StepStatus, 'usage' | 'degraded'>) =>
    putJson(deps.blobs, key, {
      schemaVersion: STATUS_SCHEMA_VERSION,
      step,
      runId: meeting.runId,
      state,
      startedAt,
      finishedAt,
      detail,
      attempt,
      usage: account?.usage ?? [],
      degraded: account?.degraded ?? [],
    } satisfies StepStatus);

  await write('running', null, null);
  try {
    const { value: outcome, account } = await withStepAccount(work);
    if (outcome instanceof Pending) {
      await write('running', outcome.detail, null, account);
      return outcome.value;
    }
    if (outcome instanceof Skipped) {
      await write('skipped', outcome.reason, deps.clock().toISOString(), account);
      return outcome.value;
    }
    await write('succeeded', null, deps.clock().toISOString(), account);
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // The step's own error matters more than a status that could not be written (the store may be what failed).
    await write('failed', message, deps.clock().toISOString()).catch(() => undefined);
    throw error;
  }
}

/** A step that finds its own failed status of this run is the state machine's retry of it. */
async function attemptNumber(deps: Pick<StepDeps, 'blobs'>, key: string, runId: string): Promise<number> {
  const previous = await findJsonIfValid(deps.blobs, key, StepStatusSchema);
  return previous !== null && previous.runId === runId && previous.state === 'failed' ? previous.attempt + 1 : 1;
}

/**
 * Every step status of a meeting by name ("transcribe", "translate.fr"), read in parallel.
 * Other files in `steps/` (a pending provider callback) and unreadable ones are skipped: they are not statuses.
 */
export async function readStepStatuses(blobs: BlobStore, resultPrefix: string, keys?: readonly string[]): Promise<Map<string, StepStatus>> {
  const folder = resultKey(resultPrefix, 'steps/');
  const statusKeys = (keys ?? (await blobs.list(folder))).filter((key) => key.startsWith(folder) && key.endsWith('.json'));
  const statuses = await Promise.all(statusKeys.map((key) => findJsonIfValid(blobs, key, StepStatusSchema)));
  const byName = new Map<string, StepStatus>();
  statuses.forEach((status, i) => {
    if (status !== null) byName.set((statusKeys[i] ?? '').slice(folder.length, -'.json'.length), status);
  });
  return byName;
}

