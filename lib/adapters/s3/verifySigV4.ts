import { Hash } from '@smithy/core/serde';
import { ALGORITHM_IDENTIFIER, createScope, getCanonicalHeaders, getCanonicalQuery, SignatureV4, UNSIGNED_PAYLOAD } from '@smithy/signature-v4';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What a signed request may be refused for, named as S3 names it (the SDK turns the code into the error's name). */
export type SigV4Refusal = { code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'RequestTimeTooSkewed' | 'AuthorizationHeaderMalformed' | 'NotImplemented'; message: string };
/** The body's declared SHA-256 (hex), or UNSIGNED-PAYLOAD: the caller checks the body against it. */
export type SigV4Result = { ok: true; payloadHash: string } | ({ ok: false } & SigV4Refusal);

type SignableRequest = Parameters<typeof getCanonicalQuery>[0];

const SERVICE = 's3';
const TERMINATOR = 'aws4_request';
// S3's own limits: a header-signed request is good for 15 minutes either side of its date; a presigned URL for at most a week.
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;
const HEADER_AUTH = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'] as const;

const refuse = (code: SigV4Refusal['code'], message: string): SigV4Result => ({ ok: false, code, message });

/**
 * The SDK's own signer, reused to recompute a request's signature: the canonical request is built
 * by the same code that signed it on the client (S3 signs the path as sent, without re-escaping).
 */
class SignatureRecomputer extends SignatureV4 {
  constructor(credentials: S3Credentials) {
    super({ credentials, region: 'us-east-1', service: SERVICE, sha256: Hash.bind(null, 'sha256'), uriEscapePath: false, applyChecksum: false });
  }

  async signature(request: SignableRequest, signedHeaders: readonly string[], payloadHash: string, signingDate: Date, region: string): Promise<string> {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(signedHeaders));
    const { longDate, shortDate } = this.formatDate(signingDate);
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(longDate, createScope(shortDate, region, SERVICE), canonicalRequest, ALGORITHM_IDENTIFIER);
    return this.sign(stringToSign, { signingDate, signingRegion: region, signingService: SERVICE });
  }
}

/**
 * Checks an S3 request's AWS Signature Version 4 — in the Authorization header or in a presigned
 * URL's query — against the one key pair this server accepts. Anything unsigned, signed with
 * another key, for another path, query or signed header, or out of its time window is refused.
 */
export async function verifySigV4(
  request: { method: string; url: string; headers: IncomingHttpHeaders },
  credentials: S3Credentials,
  now: Date,
): Promise<SigV4Result> {
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const query = parseQuery(queryAt === -1 ? '' : request.url.slice(queryAt + 1));
  if (query === null) return refuse('AccessDenied', 'the query string is not valid percent-encoding');
  const authorization = request.headers.authorization;
  const presigned = 'X-Amz-Algorithm' in query;
  if (authorization !== undefined && presigned) return refuse('AccessDenied', 'only one authentication mechanism is allowed');

  let claim: { credential: string; signedHeaders: string; signature: string; longDate: string; payloadHash: string };
  if (authorization !== undefined) {
    const match = HEADER_AUTH.exec(authorization);
    if (match === null) return refuse('AuthorizationHeaderMalformed', 'expected an AWS4-HMAC-SHA256 Authorization header');
    const payloadHash = single(request.headers['x-amz-content-sha256']);
    if (payloadHash === undefined) return refuse('AccessDenied', 'missing x-amz-content-sha256');
    if (payloadHash !== UNSIGNED_PAYLOAD && !SHA256_HEX.test(payloadHash)) {
      // aws-chunked bodies would be stored with their chunk framing inside the object: refuse them loudly.
      return refuse('NotImplemented', `x-amz-content-sha256 ${payloadHash} is not supported here: send a plain body (requestChecksumCalculation WHEN_REQUIRED)`);
    }
    claim = { credential: match[1] ?? '', signedHeaders: match[2] ?? '', signature: match[3] ?? '', longDate: single(request.headers['x-amz-date']) ?? '', payloadHash };
  } else if (presigned) {
    const params = PRESIGN_PARAMS.map((name) => query[name]);
    if (params.some((value) => typeof value !== 'string')) return refuse('AccessDenied', `a presigned URL needs ${PRESIGN_PARAMS.join(', ')}, once each`);
    const [algorithm, credential, longDate, expires, signedHeaders, signature] = params as string[];
    if (algorithm !== ALGORITHM_IDENTIFIER) return refuse('AccessDenied', 'X-Amz-Algorithm must be AWS4-HMAC-SHA256');
    const seconds = Number(expires);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PRESIGNED_SECONDS) return refuse('AccessDenied', 'X-Amz-Expires must be 1 to 604800 seconds');
    const signedAt = parseLongDate(longDate ?? '');
    if (signedAt === null || now.getTime() > signedAt.getTime() + seconds * 1000) return refuse('AccessDenied', 'the presigned URL has expired');
    // S3 presigned URLs always sign an unsigned payload.
    claim = { credential: credential ?? '', signedHeaders: signedHeaders ?? '', signature: signature ?? '', longDate: longDate ?? '', payloadHash: UNSIGNED_PAYLOAD };
  } else {
    return refuse('AccessDenied', 'anonymous requests are not accepted: sign them with the credentials in the data folder');
  }

  const [accessKeyId, shortDate, region, service, terminator, ...extra] = claim.credential.split('/');
  if (accessKeyId !== credentials.accessKeyId) return refuse('InvalidAccessKeyId', 'the access key id is not this server’s');
  if (region === undefined || region === '' || service !== SERVICE || terminator !== TERMINATOR || extra.length > 0) {
    return refuse('AuthorizationHeaderMalformed', 'the credential scope must be <key>/<date>/<region>/s3/aws4_request');
  }
  const signingDate = parseLongDate(claim.longDate);
  if (signingDate === null || shortDate !== claim.longDate.slice(0, 8)) return refuse('AccessDenied', 'the request date is missing or does not match its credential scope');
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS && (!presigned || signingDate.getTime() > now.getTime())) {
    return refuse('RequestTimeTooSkewed', 'the request time is more than 15 minutes from the server time');
  }

  const signedHeaders = claim.signedHeaders.split(';');
  const required = presigned ? ['host'] : ['host', 'x-amz-content-sha256', 'x-amz-date'];
  if (required.some((name) => !signedHeaders.includes(name))) return refuse('AccessDenied', `these headers must be signed: ${required.join(', ')}`);
  // Every x-amz-* header changes what the request does (a copy source, a checksum…): none may ride along unsigned.
  const unsignedAmz = Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !signedHeaders.includes(name));
  if (unsignedAmz.length > 0) return refuse('AccessDenied', `these headers must be signed: ${unsignedAmz.join(', ')}`);
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return refuse('AccessDenied', `signed header ${name} is missing`);
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }

  const signable: SignableRequest = { method: request.method, protocol: 'http:', hostname: '', path, query, headers };
  const expected = await new SignatureRecomputer(credentials).signature(signable, signedHeaders, claim.payloadHash, signingDate, region);
  if (!SHA256_HEX.test(claim.signature) || !timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(claim.signature, 'hex'))) {
    return refuse('SignatureDoesNotMatch', 'the request signature does not match: check the key pair and the signing method');
  }
  return { ok: true, payloadHash: claim.payloadHash };
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

function parseLongDate(text: string): Date | null {
  const parts = LONG_DATE.exec(text);
  if (parts === null) return null;
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The query as sent, decoded once: the signer re-encodes it canonically, as the client's signer did. */
function parseQuery(text: string): Record<string, string | string[]> | null {
  const query: Record<string, string | string[]> = {};
  if (text === '') return query;
  try {
    for (const pair of text.split('&')) {
      const at = pair.indexOf('=');
      const key = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      const value = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1));
      const seen = query[key];
      query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
  } catch {
    return null;
  }
  return query;
}
