import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SqsRequest {
  target: string;
  contentType: string | undefined;
  signed: boolean;
  input: Record<string, unknown>;
}

export interface QueuedMessage {
  messageId: string;
  body: string;
}

const ACCOUNT = '123456789012';

/**
 * Amazon SQS on 127.0.0.1, speaking the AWS JSON 1.0 protocol that @aws-sdk/client-sqs 3.11xx
 * sends: `POST /`, `Content-Type: application/x-amz-json-1.0`, `X-Amz-Target: AmazonSQS.<Op>`,
 * a SigV4 Authorization header, the input as JSON. Answers are shaped like the real service's,
 * including MD5OfMessageBody (the SDK checks it) and the JSON error with the query-compatible
 * `x-amzn-query-error` header. `failNext` makes the next N requests answer 500.
 */
export class FakeSqsServer {
  readonly requests: SqsRequest[] = [];
  readonly queues = new Map<string, QueuedMessage[]>();
  readonly visibility: { receiptHandle: string; seconds: number }[] = [];
  failNext = 0;
  /** Answer SendMessage with a digest of other bytes, as a corrupted transfer would. */
  wrongMd5 = false;
  private server: Server | null = null;
  private port = 0;

  static async start(queueNames: readonly string[]): Promise<FakeSqsServer> {
    const fake = new FakeSqsServer();
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    fake.server = server;
    fake.port = (server.address() as AddressInfo).port;
    for (const name of queueNames) fake.queues.set(fake.queueUrl(name), []);
    return fake;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  queueUrl(name: string): string {
    return `${this.endpoint}/${ACCOUNT}/${name}`;
  }

  messages(name: string): QueuedMessage[] {
    return this.queues.get(this.queueUrl(name)) ?? [];
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((done) => server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    this.requests.push({ target, contentType: req.headers['content-type'], signed: String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '), input });
    if (this.failNext > 0) {
      this.failNext -= 1;
      return this.error(res, 500, 'InternalError', 'AWS.SimpleQueueService.InternalError;Receiver', 'We encountered an internal error. Please try again.');
    }
    if (req.method !== 'POST' || req.url !== '/' || req.headers['content-type'] !== 'application/x-amz-json-1.0' || !target.startsWith('AmazonSQS.')) {
      return this.error(res, 400, 'InvalidAction', 'InvalidAction;Sender', 'not an AWS JSON 1.0 SQS request');
    }
    const queue = this.queues.get(String(input.QueueUrl));
    if (queue === undefined) return this.error(res, 400, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue;Sender', 'The specified queue does not exist.');

    switch (target) {
      case 'AmazonSQS.SendMessage': {
        const body = String(input.MessageBody);
        const messageId = randomUUID();
        queue.push({ messageId, body });
        return this.json(res, { MessageId: messageId, MD5OfMessageBody: createHash('md5').update(this.wrongMd5 ? `${body}!` : body, 'utf8').digest('hex') });
      }
      case 'AmazonSQS.ChangeMessageVisibility':
        this.visibility.push({ receiptHandle: String(input.ReceiptHandle), seconds: Number(input.VisibilityTimeout) });
        return this.json(res, {});
      default:
        return this.error(res, 400, 'InvalidAction', 'InvalidAction;Sender', `${target} is not supported by this fake`);
    }
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() }).end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, type: string, queryError: string, message: string): void {
    res
      .writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID(), 'x-amzn-query-error': queryError })
      .end(JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }));
  }
}
