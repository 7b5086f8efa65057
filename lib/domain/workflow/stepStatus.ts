import { resultFiles, resultKey } from '../meeting/resultKeys.js';
import { STATUS_SCHEMA_VERSION, type MeetingContext, type StepName, type StepStatus } from '../meeting/schema.js';
import type { StepDeps } from './StepDeps.js';
import { putJson } from './jsonResults.js';

/** A step's outcome that is not a failure but did not do the work, with the reason for the user. */
export class Skipped<T> {
  constructor(
    readonly reason: string,
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
  work: () => Promise<T | Skipped<T>>,
  variant?: string,
): Promise<T> {
  const key = resultKey(meeting.resultPrefix, resultFiles.stepStatus(variant === undefined ? step : `${step}.${variant}`));
  const startedAt = deps.clock().toISOString();
  const write = (state: StepStatus['state'], detail: string | null, finishedAt: string | null) =>
    putJson(deps.blobs, key, {
      schemaVersion: STATUS_SCHEMA_VERSION,
      step,
      runId: meeting.runId,
      state,
      startedAt,
      finishedAt,
      detail,
    } satisfies StepStatus);

  await write('running', null, null);
  try {
    const outcome = await work();
    if (outcome instanceof Skipped) {
      await write('skipped', outcome.reason, deps.clock().toISOString());
      return outcome.value;
    }
    await write('succeeded', null, deps.clock().toISOString());
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await write('failed', message, deps.clock().toISOString()).catch(() => undefined);
    throw error;
  }
}
