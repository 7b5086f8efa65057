import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

// Long enough for a provider to fetch hours of audio, short enough that a leaked URL soon stops working.
const PRESIGNED_URL_SECONDS = 60 * 60;

/** A short-lived URL a speech-to-text provider can read the recording from, without our credentials. */
export function recordingUrlSigner(client: S3Client, bucket: string): (key: string) => Promise<string> {
  return (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: PRESIGNED_URL_SECONDS });
}

/**
 * An hour to PUT a transcription result: Deepgram answers hours of audio within minutes (and
 * retries a refused callback 10 times, 30 s apart); a result later than that is reported by the
 * lost-transcription check. On Lambda the URL stops working earlier if the role's session
 * credentials it was signed with expire first.
 */
export const RESULT_UPLOAD_URL_SECONDS = 60 * 60;

/**
 * A URL a provider can PUT one result object to, and nothing else: the signature covers the
 * method, the bucket and the key. The client must not add checksums (see createS3Client's `forPresigning`).
 */
export function resultUploadUrlSigner(client: S3Client, bucket: string): (key: string) => Promise<string> {
  return (key) => getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: RESULT_UPLOAD_URL_SECONDS });
}
