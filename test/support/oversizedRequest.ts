import { request } from 'node:http';
import { Readable } from 'node:stream';

export interface OversizedResponse {
  status: number;
  body: string;
  /** How many body bytes the client had handed to the socket when the answer came. */
  bytesSent: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/**
 * Sends `bytes` of body generated as it goes (nothing is held in memory here), chunked unless
 * `declaredLength` is given, and resolves with the server's answer as soon as it comes, even
 * while the upload is still running; the upload is then abandoned.
 */
export function sendOversized(url: string, options: { method?: string; bytes: number; declaredLength?: number; headers?: Record<string, string> }): Promise<OversizedResponse> {
  let bytesSent = 0;
  const body = Readable.from(
    (function* () {
      while (bytesSent < options.bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, options.bytes - bytesSent));
        bytesSent += chunk.length;
        yield chunk;
      }
    })(),
  );
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
    if (options.declaredLength !== undefined) headers['Content-Length'] = String(options.declaredLength);
    // A connection of its own: one whose upload was refused half-way must not be reused.
    const req = request(url, { method: options.method ?? 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), bytesSent });
        body.destroy();
        req.destroy();
      });
      response.on('error', reject);
    });
    // The server may close the socket under an upload it refused; only an error before any answer counts.
    req.on('error', reject);
    body.pipe(req);
  });
}
