import { S3Client } from '@aws-sdk/client-s3';

/**
 * One S3 client shape for AWS and for the embedded server. With an endpoint the checksum
 * settings are load-bearing: by default the SDK sends stream bodies aws-chunked, and an
 * S3-compatible server that does not decode that framing stores it inside the object.
 */
export function createS3Client(options: { region: string; endpoint?: string | undefined }): S3Client {
  if (options.endpoint === undefined) {
    return new S3Client({ region: options.region });
  }
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
