import { awsS3EventHandler } from '../../lib/composition/aws.js';
import type { S3EventOutcome } from '../../lib/app/s3EventHandler.js';

/** S3 object-created events → runs started, or a provider's result completing its transcription (lib/app/s3EventHandler.ts). */
export const handler = async (event: unknown): Promise<S3EventOutcome> => (await awsS3EventHandler())(event);
