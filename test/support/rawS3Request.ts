import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash } from 'node:crypto';
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

export interface RawS3Request {
  method: string;
  /** Sent byte for byte (`--path-as-is`): no normalisation of `..`, no re-encoding. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends one HTTP request to the S3 endpoint exactly as given, as curl would with --path-as-is. */
export function sendRaw(endpoint: string, raw: RawS3Request): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers: raw.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(raw.body);
  });
}

/**
 * Signs a raw request with SigV4 in the Authorization header, as the SDK does (the body's SHA-256
 * in x-amz-content-sha256, unless `payloadHash` says otherwise), with the SDK's own signer.
 */
export async function signRaw(
  endpoint: string,
  raw: RawS3Request,
  credentials: { accessKeyId: string; secretAccessKey: string },
  options: { payloadHash?: string; signingDate?: Date; region?: string } = {},
): Promise<RawS3Request & { headers: Record<string, string> }> {
  const url = new URL(endpoint);
  const queryAt = raw.path.indexOf('?');
  const path = queryAt === -1 ? raw.path : raw.path.slice(0, queryAt);
  const query = Object.fromEntries(new URLSearchParams(queryAt === -1 ? '' : raw.path.slice(queryAt + 1)));
  const body = raw.body ?? '';
  const signer = new SignatureV4({ credentials, region: options.region ?? 'us-east-1', service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false });
  const signed = await signer.sign(
    {
      method: raw.method,
      protocol: 'http:',
      hostname: url.hostname,
      path,
      query,
      headers: {
        host: url.host,
        'x-amz-content-sha256': options.payloadHash ?? createHash('sha256').update(body).digest('hex'),
        ...raw.headers,
      },
    },
    options.signingDate === undefined ? {} : { signingDate: options.signingDate },
  );
  return { ...raw, headers: signed.headers };
}
