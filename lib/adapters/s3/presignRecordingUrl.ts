import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

// Long enough for a provider to fetch hours of audio, short enough that a leaked URL soon stops working.
const PRESIGNED_URL_SECONDS = 60 * 60;

/** A short-lived URL a speech-to-text provider can read the recording from, without our credentials. */
export function recordingUrlSigner(client: S3Client, bucket: string): (key: string) => Promise<string> {
  return (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: PRESIGNED_URL_SECONDS });
}
