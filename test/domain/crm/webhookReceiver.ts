import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  payload: unknown;
}

/**
 * A CRM on 127.0.0.1 that verifies every request with the standardwebhooks library, as a real
 * receiver would, and dedupes by webhook-id. `failWith` makes it answer an error instead.
 */
export class WebhookReceiver {
  /** Every verified request, duplicates included. */
  readonly requests: ReceivedWebhook[] = [];
  readonly rejected: string[] = [];
  failWith: number | null = null;
  /** With failWith a 3xx: where the redirect points. */
  redirectTo: string | null = null;
  secret = '';
  private server: Server | null = null;

  constructor(public port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/aftercall`;
  }

  /** Distinct messages, once each: what a deduping receiver processes. */
  get messages(): ReceivedWebhook[] {
    return [...new Map(this.requests.map((r) => [r.id, r])).values()];
  }

  static async start(port = 0): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(port);
    await receiver.listen();
    return receiver;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (this.failWith !== null) {
          res.writeHead(this.failWith, this.redirectTo === null ? {} : { location: this.redirectTo }).end();
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        try {
          const payload = new Webhook(this.secret).verify(body, headers);
          this.requests.push({ id: headers['webhook-id'] ?? '', payload });
          res.writeHead(204).end();
        } catch (error) {
          this.rejected.push(String(error));
          res.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((done) => server.close(() => done()));
  }
}
