import { S3Client } from '@aws-sdk/client-s3';
import type { S3Credentials } from './verifySigV4.js';

/**
 * One S3 client shape for AWS and for S3-compatible servers. With an endpoint the checksum
 * settings are load-bearing: by default the SDK sends stream bodies aws-chunked, which the
 * embedded server refuses (and other S3-compatible servers may store with the framing inside).
 * Credentials: the embedded server's key pair when given, else the SDK's usual chain
 * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, roles).
 *
 * One attempt per call: every caller already has its retry layer — the state machine's Retry
 * on BlobStoreUnavailableError for the steps, a 503 with Retry-After for the API, Lambda's
 * async retries for the S3-event function, the delivery schedule for CRM webhooks. The SDK's
 * own three attempts underneath would multiply those (3 × 3 with two back-offs).
 */
const ONE_ATTEMPT = 1;

export function createS3Client(options: { region: string; endpoint?: string | undefined; credentials?: S3Credentials | undefined; forPresigning?: boolean }): S3Client {
  // A copy: the SDK writes its own bookkeeping into the credentials object it is given.
  const credentials = options.credentials === undefined ? {} : { credentials: { accessKeyId: options.credentials.accessKeyId, secretAccessKey: options.credentials.secretAccessKey } };
  if (options.endpoint === undefined) {
    // A presigned PutObject URL would otherwise carry the CRC32 of an empty body
    // (x-amz-checksum-crc32=AAAAAA==), and S3 refuses whatever is then PUT to it.
    const checksums = options.forPresigning === true ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const } : {};
    return new S3Client({ region: options.region, maxAttempts: ONE_ATTEMPT, ...credentials, ...checksums });
  }
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: true,
    maxAttempts: ONE_ATTEMPT,
    ...credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
