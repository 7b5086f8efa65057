import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SfnRequest {
  target: string;
  contentType: string | undefined;
  signed: boolean;
  input: Record<string, unknown>;
}

type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
}

/**
 * AWS Step Functions on 127.0.0.1, speaking the AWS JSON 1.0 protocol that @aws-sdk/client-sfn
 * sends: `POST /`, `Content-Type: application/x-amz-json-1.0`, `X-Amz-Target:
 * AWSStepFunctions.<Op>`, a SigV4 Authorization header, the input as JSON. StartExecution is
 * idempotent by name the way the service documents it: the same name and input answer the first
 * execution again; the same name with another input is `ExecutionAlreadyExists`. An unknown ARN
 * in DescribeExecution is `ExecutionDoesNotExist` (HTTP 400, `__type` naming the error).
 * `failNext` makes the next N requests answer 500.
 */
export class FakeStepFunctionsServer {
  readonly requests: SfnRequest[] = [];
  readonly executions = new Map<string, Execution>();
  failNext = 0;
  private server: Server | null = null;
  private port = 0;

  static async start(): Promise<FakeStepFunctionsServer> {
    const fake = new FakeStepFunctionsServer();
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    fake.server = server;
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Ends an execution as the service would once its states finish or fail. */
  end(name: string, status: Exclude<ExecutionStatus, 'RUNNING'>): void {
    for (const execution of this.executions.values()) if (execution.name === name) execution.status = status;
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
      return this.error(res, 500, 'InternalServerError', 'We encountered an internal error. Please try again.');
    }
    if (req.method !== 'POST' || req.url !== '/' || req.headers['content-type'] !== 'application/x-amz-json-1.0' || !target.startsWith('AWSStepFunctions.')) {
      return this.error(res, 400, 'UnknownOperationException', 'not an AWS JSON 1.0 Step Functions request');
    }
    switch (target) {
      case 'AWSStepFunctions.StartExecution':
        return this.startExecution(res, input);
      case 'AWSStepFunctions.DescribeExecution':
        return this.describeExecution(res, input);
      default:
        return this.error(res, 400, 'UnknownOperationException', `${target} is not served here`);
    }
  }

  private startExecution(res: ServerResponse, input: Record<string, unknown>): void {
    const stateMachineArn = String(input.stateMachineArn);
    const name = String(input.name);
    const executionInput = String(input.input ?? '{}');
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing !== undefined && (existing.input !== executionInput || existing.status !== 'RUNNING')) {
      return this.error(res, 400, 'ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution = existing ?? { executionArn, stateMachineArn, name, input: executionInput, status: 'RUNNING' as const, startDate: Date.now() / 1000 };
    this.executions.set(executionArn, execution);
    this.json(res, 200, { executionArn, startDate: execution.startDate });
  }

  private describeExecution(res: ServerResponse, input: Record<string, unknown>): void {
    const execution = this.executions.get(String(input.executionArn));
    if (execution === undefined) return this.error(res, 400, 'ExecutionDoesNotExist', `Execution Does Not Exist: '${String(input.executionArn)}'`);
    this.json(res, 200, {
      executionArn: execution.executionArn,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      status: execution.status,
      startDate: execution.startDate,
      input: execution.input,
    });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': crypto.randomUUID() });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, type: string, message: string): void {
    this.json(res, status, { __type: type, message });
  }
}
