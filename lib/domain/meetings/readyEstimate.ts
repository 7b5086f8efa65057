import type { z } from 'zod';
import { STEP_NAMES, type StepName } from './schema.js';
import type { RecordingLength } from '../media/recordingLength.js';
import type { ReadyEstimateSchema } from './meetingViewSchema.js';

/** Milliseconds of work per millisecond of recording, per step, and how many past runs it comes from. */
export type StepSpeeds = Record<StepName, { perRecordingMs: number; samples: number }>;

/**
 * Used until this deployment has published a meeting: rough figures of the embedded engines and
 * of Deepgram/OpenAI on a one-hour call (about 3 min to transcribe, 1 min to understand).
 */
export const DEFAULT_STEP_SPEEDS: StepSpeeds = {
  intake: { perRecordingMs: 0.0005, samples: 0 },
  transcribe: { perRecordingMs: 0.05, samples: 0 },
  translate: { perRecordingMs: 0.02, samples: 0 },
  understand: { perRecordingMs: 0.015, samples: 0 },
  index: { perRecordingMs: 0.005, samples: 0 },
  publish: { perRecordingMs: 0.001, samples: 0 },
};
/** No step takes less than this: requests, writes and the state machine's own transitions. */
const STEP_FLOOR_MS = 1_000;

export interface StepProgress {
  name: string;
  state: string;
  startedAt: string | null;
}

/** When the notes should be ready (the schema says what each field means). */
export type ReadyEstimate = z.infer<typeof ReadyEstimateSchema>;

const baseOf = (name: string): StepName => (name.split('.')[0] ?? name) as StepName;
const stepOrder = (name: string) => STEP_NAMES.indexOf(baseOf(name));

/**
 * When the notes should be ready: each step not finished is expected to take its measured speed
 * times the recording's length (at least a second); the running one, less what it has already
 * spent. Translations run beside Understand, so the longer of the two counts.
 */
export function estimateReady(steps: readonly StepProgress[], length: RecordingLength, speeds: StepSpeeds, now: Date): ReadyEstimate {
  const expected = (name: string) => Math.max(STEP_FLOOR_MS, speeds[baseOf(name)].perRecordingMs * length.ms);
  const open = steps.filter((step) => step.state === 'running' || step.state === 'pending');
  const remainingOf = (step: StepProgress) => {
    const spent = step.state === 'running' && step.startedAt !== null ? now.getTime() - Date.parse(step.startedAt) : 0;
    // A step past its estimate is given a little more rather than "ready 0 s ago".
    return Math.max(expected(step.name) - spent, expected(step.name) * 0.1);
  };
  const parallel = (names: readonly StepName[]) => Math.max(0, ...open.filter((step) => names.includes(baseOf(step.name))).map(remainingOf));
  const remainingMs = Math.round(
    open.filter((step) => !['translate', 'understand'].includes(baseOf(step.name))).reduce((sum, step) => sum + remainingOf(step), 0) + parallel(['translate', 'understand']),
  );
  const current = open.find((step) => step.state === 'running') ?? [...open].sort((a, b) => stepOrder(a.name) - stepOrder(b.name))[0];
  const samples = Math.max(...Object.values(speeds).map((speed) => speed.samples));
  return {
    step: current?.name ?? null,
    stepsDone: steps.length - open.length,
    stepsTotal: steps.length,
    recordingMs: length.ms,
    recordingLengthExact: length.exact,
    remainingMs,
    readyAt: new Date(now.getTime() + remainingMs).toISOString(),
    basis: samples > 0 ? 'measured' : 'default',
    samples,
  };
}

/** Per step, the median of (step duration ÷ recording length) over past runs; steps never measured keep the default. */
export function speedsFromRuns(runs: readonly { recordingMs: number; steps: readonly { name: string; durationMs: number | null }[] }[]): StepSpeeds {
  const speeds: StepSpeeds = { ...DEFAULT_STEP_SPEEDS };
  for (const step of STEP_NAMES) {
    const ratios = runs
      .filter((run) => run.recordingMs > 0)
      .map((run) => {
        // Translations of several languages run side by side: the slowest is the step's time.
        const durations = run.steps.filter((s) => baseOf(s.name) === step && s.durationMs !== null).map((s) => s.durationMs ?? 0);
        return durations.length === 0 ? null : Math.max(...durations) / run.recordingMs;
      })
      .filter((ratio): ratio is number => ratio !== null)
      .sort((a, b) => a - b);
    if (ratios.length === 0) continue;
    const middle = Math.floor(ratios.length / 2);
    const median = ratios.length % 2 === 1 ? (ratios[middle] ?? 0) : ((ratios[middle - 1] ?? 0) + (ratios[middle] ?? 0)) / 2;
    speeds[step] = { perRecordingMs: median, samples: ratios.length };
  }
  return speeds;
}
