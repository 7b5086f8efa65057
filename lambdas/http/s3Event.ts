import { SFNClient } from '@aws-sdk/client-sfn';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { S3BlobStore } from '../../lib/adapters/s3/S3BlobStore.js';
import { SfnWorkflowRunner } from '../../lib/adapters/stepfunctions/SfnWorkflowRunner.js';
import { loadConfig } from '../../lib/config/config.js';
import { startFromS3Notification } from '../../lib/domain/intake/startFromS3Notification.js';
import type { StartedMeeting, StartMeetingDeps } from '../../lib/domain/intake/startMeeting.js';
import { stateMachineArnFrom } from './awsControlPlane.js';

/**
 * A recording (or a transcript beside one) lands in the bucket → one post-call run. The run's
 * name is the meeting id with the version of its files, so S3's at-least-once delivery (or a
 * LiveKit webhook for the same file) starts nothing twice, and a replaced file starts a new run.
 * Results written beside recordings are filtered out by the domain.
 */
export function createS3EventHandler(deps: Omit<StartMeetingDeps, 'defaultTenant'>, options: { bucket: string; defaultTenant: string }) {
  return (event: unknown): Promise<StartedMeeting[]> => startFromS3Notification({ ...deps, defaultTenant: options.defaultTenant }, event, options);
}

let built: ((event: unknown) => Promise<StartedMeeting[]>) | undefined;

// No provider keys here: this function reads tenant settings and starts executions, nothing else.
export const handler = async (event: unknown): Promise<StartedMeeting[]> => {
  if (built === undefined) {
    const config = loadConfig();
    built = createS3EventHandler(
      {
        blobs: new S3BlobStore(createS3Client({ region: config.AWS_REGION }), config.AFTERCALL_BUCKET),
        workflow: new SfnWorkflowRunner(new SFNClient({ region: config.AWS_REGION }), stateMachineArnFrom(process.env)),
        clock: () => new Date(),
      },
      { bucket: config.AFTERCALL_BUCKET, defaultTenant: config.AFTERCALL_DEFAULT_TENANT },
    );
  }
  return built(event);
};
