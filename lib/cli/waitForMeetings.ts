import type { LocalStack } from '../composition/local.js';
import { getMeeting, type MeetingView } from '../domain/meetings/meetingView.js';

/** Waits for each named run, then reads the meeting as a user would see it. */
export async function waitForMeetings(stack: LocalStack, tenantId: string, runs: { meetingId: string; executionName: string }[]): Promise<MeetingView[]> {
  const views: MeetingView[] = [];
  for (const run of runs) {
    await stack.runner.wait(run.executionName);
    const view = await getMeeting(stack.deps.blobs, tenantId, run.meetingId);
    if (view !== null) views.push(view);
  }
  return views;
}
