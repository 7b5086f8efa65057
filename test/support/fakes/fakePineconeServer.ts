import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A Pinecone serverless index on loopback, in memory, speaking the documented REST wire formats
 * of API version 2026-04 (github.com/pinecone-io/pinecone-api, 2026-04/db_control and db_data):
 *
 * - control plane `GET /indexes/{name}` → IndexModel, whose `host` points back here with http://;
 * - data plane `POST /vectors/upsert`, `POST /query`, `GET /vectors/list`, `POST /vectors/delete`.
 *
 * Errors use the documented shapes: the control plane's ErrorResponse
 * `{ error: { code, message }, status }` and the data plane's rpcStatus `{ code, message, details }`
 * (gRPC status codes). Limits are the documented ones: 1,000 vectors and 2 MB per upsert, 40 KB of
 * metadata per vector, 1,000 ids per delete, topK ≤ 10,000, no null metadata values, dense vectors
 * with at least one non-zero value. Read units are not Pinecone's formula: every read reports 1.
 */

export const FAKE_PINECONE_API_VERSION = '2026-04';

export interface FakePineconeOptions {
  apiKey: string;
  indexName: string;
  dimension: number;
  metric?: 'cosine' | 'dotproduct' | 'euclidean';
  /** Describe the index as pod-based instead of serverless (the data plane behaves the same). */
  podBased?: boolean;
  /** Describe the index as still initializing. */
  initializing?: boolean;
  /** Waited before answering every request: a stand-in for network and service time in benchmarks. */
  latencyMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apiVersion: string | undefined;
  /** Whether an Api-Key header came (its value is never recorded). */
  hadApiKey: boolean;
  /** The parsed JSON body, if there was one. */
  body: unknown;
  bytes: number;
}

/** Applies to the next `count` requests (default 1), whatever they are. */
export type FakePineconeFault = { status: number; count?: number } | { hang: true; count?: number };

export type MetadataValue = string | number | boolean | string[];

export interface StoredVector {
  id: string;
  values: number[];
  metadata?: Record<string, MetadataValue>;
}

export interface FakePineconeServer {
  /** Base URL of both planes: pass it as `controllerHostUrl` or as the index host. */
  url: string;
  requests: RecordedRequest[];
  setFault(fault: FakePineconeFault): void;
  /** The vectors stored in a namespace, by id. */
  vectors(namespace: string): StoredVector[];
  close(): Promise<void>;
}

const DEFAULT_NAMESPACE = '__default__';
const MAX_UPSERT_VECTORS = 1000;
/** "2 MB", read strictly. */
const MAX_UPSERT_BYTES = 2_000_000;
const MAX_METADATA_BYTES = 40 * 1024;
const MAX_DELETE_IDS = 1000;
const MAX_TOP_K = 10_000;
const MAX_ID_LENGTH = 512;
const DEFAULT_LIST_LIMIT = 100;

/** Thrown inside a handler; becomes the plane's error response. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakePineconeServer(options: FakePineconeOptions): Promise<FakePineconeServer> {
  const namespaces = new Map<string, Map<string, StoredVector>>();
  const requests: RecordedRequest[] = [];
  const faults: { fault: FakePineconeFault; remaining: number }[] = [];
  const hanging = new Set<ServerResponse>();
  let url = '';

  const namespaceOf = (name: unknown): string => {
    if (name !== undefined && typeof name !== 'string') throw new HttpError(400, 'namespace must be a string');
    return name === undefined || name === '' ? DEFAULT_NAMESPACE : name;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request);
    const target = new URL(request.url ?? '/', 'http://127.0.0.1');
    const controlPlane = target.pathname.startsWith('/indexes');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      apiVersion: header(request, 'x-pinecone-api-version'),
      hadApiKey: header(request, 'api-key') !== undefined,
      body: undefined,
      bytes: raw.length,
    };
    requests.push(recorded);
    try {
      if (raw.length > 0) recorded.body = parseJson(raw);
      if (options.latencyMs !== undefined) await delay(options.latencyMs);

      const fault = faults[0];
      if (fault !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults.shift();
        if ('hang' in fault.fault) {
          hanging.add(response);
          return;
        }
        throw new HttpError(fault.fault.status, 'injected fault');
      }
      if (header(request, 'api-key') !== options.apiKey) throw new HttpError(401, 'Invalid API key.');
      if (recorded.apiVersion !== FAKE_PINECONE_API_VERSION) {
        throw new HttpError(400, `Unsupported or missing X-Pinecone-Api-Version: ${recorded.apiVersion ?? '(none)'}`);
      }

      const route = `${recorded.method} ${target.pathname}`;
      if (recorded.method === 'GET' && controlPlane) return send(response, 200, describe(target.pathname));
      if (route === 'POST /vectors/upsert') return send(response, 200, upsert(recorded));
      if (route === 'POST /query') return send(response, 200, query(recorded.body));
      if (route === 'GET /vectors/list') return send(response, 200, list(target.searchParams));
      if (route === 'POST /vectors/delete') return send(response, 200, remove(recorded.body));
      throw new HttpError(404, `Not found: ${route}`);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      send(response, error.status, controlPlane ? controlPlaneError(error) : dataPlaneError(error));
    }
  };

  const describe = (path: string): unknown => {
    const name = decodeURIComponent(path.slice('/indexes/'.length));
    if (name !== options.indexName) throw new HttpError(404, `Index ${name} not found.`);
    const ready = options.initializing !== true;
    return {
      name,
      dimension: options.dimension,
      metric: options.metric ?? 'cosine',
      host: url,
      deletion_protection: 'disabled',
      tags: {},
      spec:
        options.podBased === true
          ? { pod: { environment: 'us-east-1-aws', pod_type: 'p1.x1', pods: 1, replicas: 1, shards: 1 } }
          : { serverless: { cloud: 'aws', region: 'us-east-1', read_capacity: { mode: 'OnDemand', status: { state: 'Ready' } } } },
      status: { ready, state: ready ? 'Ready' : 'Initializing' },
      vector_type: 'dense',
    };
  };

  const upsert = (recorded: RecordedRequest): unknown => {
    const body = asObject(recorded.body, 'request body');
    if (recorded.bytes > MAX_UPSERT_BYTES) {
      throw new HttpError(400, `Request size ${recorded.bytes} bytes exceeds the maximum supported size of ${MAX_UPSERT_BYTES} bytes`);
    }
    const vectors = body['vectors'];
    if (!Array.isArray(vectors) || vectors.length === 0) throw new HttpError(400, 'vectors must be a non-empty list');
    if (vectors.length > MAX_UPSERT_VECTORS) {
      throw new HttpError(400, `Number of vectors (${vectors.length}) exceeds the maximum of ${MAX_UPSERT_VECTORS} per upsert request`);
    }
    const parsed = vectors.map(parseVector);
    const namespace = namespaceOf(body['namespace']);
    const stored = namespaces.get(namespace) ?? new Map<string, StoredVector>();
    namespaces.set(namespace, stored);
    for (const vector of parsed) stored.set(vector.id, vector);
    return { upsertedCount: parsed.length };
  };

  const parseVector = (value: unknown): StoredVector => {
    const vector = asObject(value, 'vector');
    const id = vector['id'];
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) throw new HttpError(400, `Vector id must be 1-${MAX_ID_LENGTH} characters`);
    const values = denseValues(vector['values'], `Vector dimension`, id);
    if (values.every((component) => component === 0)) throw new HttpError(400, `Dense vectors must contain at least one non-zero value (id ${id})`);
    const metadata = vector['metadata'];
    if (metadata === undefined) return { id, values };
    return { id, values, metadata: parseMetadata(metadata, id) };
  };

  const denseValues = (value: unknown, what: string, id: string): number[] => {
    if (!Array.isArray(value) || !value.every((component) => typeof component === 'number' && Number.isFinite(component))) {
      throw new HttpError(400, `Values of ${id} must be a list of finite numbers`);
    }
    if (value.length !== options.dimension) {
      throw new HttpError(400, `${what} ${value.length} does not match the dimension of the index ${options.dimension}`);
    }
    return value as number[];
  };

  const query = (value: unknown): unknown => {
    const body = asObject(value, 'request body');
    const topK = body['topK'];
    if (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 1 || topK > MAX_TOP_K) {
      throw new HttpError(400, `topK must be an integer between 1 and ${MAX_TOP_K}`);
    }
    const vector = denseValues(body['vector'], 'Query vector dimension', 'the query');
    const filter = body['filter'] === undefined ? undefined : asObject(body['filter'], 'filter');
    const namespace = namespaceOf(body['namespace']);
    const metric = options.metric ?? 'cosine';
    const matches = [...(namespaces.get(namespace)?.values() ?? [])]
      .filter((stored) => filter === undefined || matchesFilter(filter, stored.metadata ?? {}))
      .map((stored) => ({ stored, score: score(metric, vector, stored.values) }))
      .filter((match) => Number.isFinite(match.score))
      .sort((a, b) => (metric === 'euclidean' ? a.score - b.score : b.score - a.score) || compareIds(a.stored.id, b.stored.id))
      .slice(0, topK)
      .map(({ stored, score }) => ({
        id: stored.id,
        score,
        values: body['includeValues'] === true ? stored.values : [],
        ...(body['includeMetadata'] === true && stored.metadata !== undefined ? { metadata: stored.metadata } : {}),
      }));
    return { matches, namespace, usage: { readUnits: 1 } };
  };

  const list = (params: URLSearchParams): unknown => {
    const namespace = namespaceOf(params.get('namespace') ?? undefined);
    const prefix = params.get('prefix') ?? '';
    if (/\s/.test(prefix)) throw new HttpError(400, 'prefix must not contain spaces');
    const limit = params.has('limit') ? Number(params.get('limit')) : DEFAULT_LIST_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new HttpError(400, 'limit must be a positive integer');
    const after = params.has('paginationToken') ? decodeToken(params.get('paginationToken') ?? '') : undefined;
    const ids = [...(namespaces.get(namespace)?.keys() ?? [])]
      .filter((id) => id.startsWith(prefix) && (after === undefined || compareIds(id, after) > 0))
      .sort(compareIds);
    const page = ids.slice(0, limit);
    const last = page[page.length - 1];
    return {
      vectors: page.map((id) => ({ id })),
      ...(ids.length > limit && last !== undefined ? { pagination: { next: encodeToken(last) } } : {}),
      namespace,
      usage: { readUnits: 1 },
    };
  };

  const remove = (value: unknown): unknown => {
    const body = asObject(value, 'request body');
    const namespace = namespaceOf(body['namespace']);
    const { ids, deleteAll, filter } = body;
    const modes = [ids !== undefined, deleteAll === true, filter !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new HttpError(400, 'Exactly one of ids, deleteAll or filter must be given');
    const stored = namespaces.get(namespace);
    if (deleteAll === true) {
      namespaces.delete(namespace);
    } else if (ids !== undefined) {
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) throw new HttpError(400, 'ids must be a non-empty list of strings');
      if (ids.length > MAX_DELETE_IDS) throw new HttpError(400, `Number of ids (${ids.length}) exceeds the maximum of ${MAX_DELETE_IDS} per delete request`);
      for (const id of ids) stored?.delete(id);
    } else {
      const condition = asObject(filter, 'filter');
      for (const [id, vector] of stored ?? []) if (matchesFilter(condition, vector.metadata ?? {})) stored?.delete(id);
    }
    return {};
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { code: 13, message: String(error), details: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    setFault(fault) {
      faults.push({ fault, remaining: fault.count ?? 1 });
    },
    vectors(namespace) {
      return [...(namespaces.get(namespace)?.values() ?? [])]
        .sort((a, b) => compareIds(a.id, b.id))
        .map((vector) => structuredClone(vector));
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function parseMetadata(value: unknown, id: string): Record<string, MetadataValue> {
  const metadata = asObject(value, `metadata of ${id}`);
  for (const [field, fieldValue] of Object.entries(metadata)) {
    const valid =
      typeof fieldValue === 'string' ||
      typeof fieldValue === 'boolean' ||
      (typeof fieldValue === 'number' && Number.isFinite(fieldValue)) ||
      (Array.isArray(fieldValue) && fieldValue.every((item) => typeof item === 'string'));
    if (!valid) {
      throw new HttpError(400, `Metadata value for field '${field}' of ${id} must be a string, number, boolean or list of strings, got ${JSON.stringify(fieldValue)}`);
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(metadata));
  if (bytes > MAX_METADATA_BYTES) throw new HttpError(400, `Metadata size is ${bytes} bytes, which exceeds the limit of ${MAX_METADATA_BYTES} bytes per vector (${id})`);
  return metadata as Record<string, MetadataValue>;
}

/** Pinecone's filter language: field conditions are and-ed; `$and`/`$or` combine filters. */
function matchesFilter(filter: Record<string, unknown>, metadata: Record<string, MetadataValue>): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(condition)) throw new HttpError(400, `${key} needs a list of filters`);
      const parts = condition.map((part) => matchesFilter(asObject(part, key), metadata));
      return key === '$and' ? parts.every(Boolean) : parts.some(Boolean);
    }
    if (key.startsWith('$')) throw new HttpError(400, `unknown filter operator ${key}`);
    const operators = isPlainObject(condition) ? condition : { $eq: condition };
    return Object.entries(operators).every(([operator, operand]) => matchesCondition(operator, operand, metadata[key]));
  });
}

/** A list-valued field matches when any of its values does. */
function matchesCondition(operator: string, operand: unknown, field: MetadataValue | undefined): boolean {
  const values: unknown[] = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const operands = (): unknown[] => {
    if (!Array.isArray(operand)) throw new HttpError(400, `${operator} needs a list`);
    return operand;
  };
  const number = (): number => {
    if (typeof operand !== 'number') throw new HttpError(400, `${operator} needs a number`);
    return operand;
  };
  switch (operator) {
    case '$eq':
      return values.includes(operand);
    case '$ne':
      return !values.includes(operand);
    case '$in':
      return operands().some((item) => values.includes(item));
    case '$nin':
      return !operands().some((item) => values.includes(item));
    case '$exists':
      return (field !== undefined) === (operand === true);
    case '$gt':
      return values.some((value) => typeof value === 'number' && value > number());
    case '$gte':
      return values.some((value) => typeof value === 'number' && value >= number());
    case '$lt':
      return values.some((value) => typeof value === 'number' && value < number());
    case '$lte':
      return values.some((value) => typeof value === 'number' && value <= number());
    default:
      throw new HttpError(400, `unknown filter operator ${operator}`);
  }
}

function score(metric: 'cosine' | 'dotproduct' | 'euclidean', a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  let squaredDistance = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
    squaredDistance += (x - y) ** 2;
  });
  if (metric === 'dotproduct') return dot;
  if (metric === 'euclidean') return squaredDistance;
  return dot / Math.sqrt(normA * normB);
}

/** Ids sort in bitwise ("C") order, as Pinecone lists them. */
function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function encodeToken(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64');
}

function decodeToken(token: string): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (isPlainObject(decoded) && typeof decoded['after'] === 'string') return decoded['after'];
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'invalid paginationToken');
}

function controlPlaneError(error: HttpError): unknown {
  const codes: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    402: 'PAYMENT_REQUIRED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    503: 'UNAVAILABLE',
  };
  return { error: { code: codes[error.status] ?? 'UNKNOWN', message: error.message }, status: error.status };
}

/** gRPC status codes, as the data plane's rpcStatus carries them. */
function dataPlaneError(error: HttpError): unknown {
  const codes: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 429: 8, 500: 13, 503: 14 };
  return { code: codes[error.status] ?? 2, message: error.message, details: [] };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new HttpError(400, `${what} must be a JSON object`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
