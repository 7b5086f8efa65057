import { STEP_NAMES } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { StepView } from './meetingViewSchema.js';
import { readStepStatuses } from '../workflow/stepStatus.js';

/** Every step of a meeting in workflow order (each translation language its own), pending until it starts. */
export async function readSteps(blobs: BlobStore, prefix: string): Promise<StepView[]> {
  const statuses = await readStepStatuses(blobs, prefix);
  const names = [...STEP_NAMES.filter((step) => step !== 'translate'), ...[...statuses.keys()].filter((n) => n.startsWith('translate.'))];
  const order = (name: string) => STEP_NAMES.indexOf(name.split('.')[0] as (typeof STEP_NAMES)[number]);
  return names
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => {
      const status = statuses.get(name);
      return {
        name,
        state: status?.state ?? 'pending',
        detail: status?.detail ?? null,
        startedAt: status?.startedAt ?? null,
        finishedAt: status?.finishedAt ?? null,
      };
    });
}
