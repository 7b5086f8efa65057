import { resultKey } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson, findJsonIfValid, putJson } from '../jsonBlobs.js';
import { MeetingEditsSchema, noEdits, type MeetingEdits } from './editsSchema.js';

/** Beside the results, under a name no step writes: a rerun replaces results, never this. */
export const EDITS_FILE = 'edits.json';

export const editsKey = (resultPrefix: string): string => resultKey(resultPrefix, EDITS_FILE);

/** A meeting's edits; none when nobody has edited it. */
export async function readMeetingEdits(blobs: BlobStore, resultPrefix: string, meetingId: string): Promise<MeetingEdits> {
  return (await findJson(blobs, editsKey(resultPrefix), MeetingEditsSchema)) ?? noEdits(meetingId);
}

// One edit of a meeting at a time in this process: the version check and the write that follows
// it must see no other edit in between, or two editors quoting the same version would both pass.
const queues = new Map<string, Promise<unknown>>();

/** Runs `change` on the meeting's edits alone (per results folder), and stores what it returns. */
export async function changeMeetingEdits<T>(
  blobs: BlobStore,
  resultPrefix: string,
  meetingId: string,
  change: (edits: MeetingEdits) => Promise<{ edits: MeetingEdits; result: T }>,
): Promise<T> {
  const previous = queues.get(resultPrefix) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const { edits, result } = await change(await readMeetingEdits(blobs, resultPrefix, meetingId));
    await putJson(blobs, editsKey(resultPrefix), edits);
    return result;
  });
  queues.set(resultPrefix, run);
  try {
    return await run;
  } finally {
    if (queues.get(resultPrefix) === run) queues.delete(resultPrefix);
  }
}

/** For readers that show results: a corrupt edits file is read as none (and never written over: editing it fails instead). */
export async function readMeetingEditsIfValid(blobs: BlobStore, resultPrefix: string, meetingId: string): Promise<MeetingEdits> {
  return (await findJsonIfValid(blobs, editsKey(resultPrefix), MeetingEditsSchema)) ?? noEdits(meetingId);
}
