import type { Index, Pinecone, PineconeRecord } from '@pinecone-database/pinecone';
import { z } from 'zod';
import { ProviderUnavailableError } from '../../domain/errors.js';
import type { IndexedDocument, VectorHit, VectorIndex, VectorQuery } from '../../domain/ports/VectorIndex.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { once } from '../../platform/once.js';
import { isObservingFetch, withHttpStatus } from './httpExchange.js';
import { PineconeIndexError, toDomainError } from './pineconeErrors.js';
import { chunks, MAX_IDS_PER_DELETE, upsertBatches } from './upsertBatches.js';
import { fromMetadata, toMetadata } from './vectorMetadata.js';

/** Pinecone's documented maximum for topK. */
const MAX_TOP_K = 10_000;
/** Meeting ids sent in one query's filter at most; more are filtered by the caller instead. */
const MAX_FILTERED_MEETINGS = 1_000;

export interface PineconeVectorIndexOptions {
  indexName: string;
  /**
   * The index's data-plane host. Without it, one describe call on the control plane finds the
   * host and checks the index is serverless, cosine and ready; the answer is kept.
   */
  indexHost?: string | undefined;
}

interface IndexTarget {
  index: Index;
  /** Known when the control plane described the index; with a configured host Pinecone checks it. */
  dimension: number | undefined;
}

type DataOperation = 'upsert' | 'query' | 'list' | 'delete';

// What the SDK hands back, checked rather than trusted (it does not validate responses itself).
const IndexDescriptionSchema = z.object({
  host: z.string().min(1),
  metric: z.string(),
  dimension: z.number().int().positive().optional(),
  spec: z.object({ serverless: z.object({}).optional() }),
  status: z.object({ ready: z.boolean(), state: z.string() }),
});
const QueryResponseSchema = z.object({
  matches: z.array(z.object({ id: z.string(), score: z.number(), metadata: z.unknown() })),
});
const ListResponseSchema = z.object({
  vectors: z.array(z.object({ id: z.string() })).optional(),
  pagination: z.object({ next: z.string().optional() }).optional(),
});

/**
 * Tenant-scoped vector search on a Pinecone serverless index: one namespace per tenant, so no
 * query can reach another tenant's records whatever its filter says. Record ids are the search
 * documents' ids (`${meetingId}:${kind}:${n}`), which is what lets a meeting's records be found by
 * id prefix: serverless indexes list ids by prefix, and delete by id.
 *
 * No keyword search (`keywordQuery` is left out): Pinecone finds passages by words only through
 * sparse vectors, which need a dotproduct index (ours is cosine) and a sparse encoder at indexing
 * time. A BM25 fallback over the tenant's stored texts would mean listing and fetching every
 * record per query — unbounded. So on Pinecone, search ranks the semantic candidates by keywords
 * (see searchArchive) and a passage the vectors miss is not found by its words.
 *
 * Scores are the cosine similarity Pinecone computes (higher is closer), so the index must use
 * the cosine metric. Every call is one HTTP request with no retry inside: failures surface as the
 * workflow's errors and the state machine decides about retrying.
 */
export class PineconeVectorIndex implements VectorIndex {
  readonly #client: Pinecone;
  readonly #indexName: string;
  readonly #indexHost: string | undefined;
  readonly #apiKey: string;
  /** The index to talk to, found once; a failed lookup is forgotten so the next call tries again. */
  readonly #target = once(() => this.findTarget());

  constructor(client: Pinecone, options: PineconeVectorIndexOptions) {
    const config = client.getConfig();
    // The SDK retries 5xx three times by default; stacked under the state machine's retries that
    // multiplies attempts and hides an outage for seconds per call. Without our fetch a hung
    // request never ends, and a 403 looks like a 400.
    if (config.maxRetries !== 0 || !isObservingFetch(config.fetchApi)) {
      throw new Error('PineconeVectorIndex needs a client without retries (maxRetries: 0) and with request deadlines: build it with createPineconeClient');
    }
    if (options.indexName.length === 0) throw new Error('PineconeVectorIndex needs an index name');
    this.#client = client;
    this.#indexName = options.indexName;
    this.#indexHost = options.indexHost;
    this.#apiKey = config.apiKey;
  }

  /**
   * Upserts the new records first, then deletes the meeting's ids that are not among them: a
   * reprocess overwrites ids in place, so search never sees the meeting with no records, and a
   * smaller new set leaves nothing stale behind. A failure half way leaves extra records, never
   * missing ones, and running it again finishes the job.
   */
  async replaceMeeting(tenantId: string, meetingId: string, documents: readonly IndexedDocument[]): Promise<void> {
    const namespace = namespaceOf(tenantId);
    assertMeetingId(meetingId);
    const ids = new Set<string>();
    for (const document of documents) {
      assertBelongs(document, tenantId, meetingId);
      if (ids.has(document.id)) throw new Error(`documents of meeting ${meetingId} have duplicate id ${document.id}`);
      ids.add(document.id);
    }
    const target = await this.#target();
    for (const document of documents) assertVector(document.vector, target.dimension, `document ${document.id}`);

    // A zero vector has no direction: it can never be a cosine match, and Pinecone rejects it.
    const records: PineconeRecord[] = documents
      .filter((document) => hasDirection(document.vector))
      .map((document) => ({ id: document.id, values: toValues(document.vector), metadata: toMetadata(document) }));
    for (const batch of upsertBatches(records, namespace)) {
      await this.dataCall('upsert', () => target.index.upsert({ records: batch, namespace }));
    }
    const written = new Set(records.map((record) => record.id));
    const stale = (await this.meetingIds(target, namespace, meetingId)).filter((id) => !written.has(id));
    await this.deleteIds(target, namespace, stale);
  }

  async deleteMeeting(tenantId: string, meetingId: string): Promise<void> {
    const namespace = namespaceOf(tenantId);
    assertMeetingId(meetingId);
    const target = await this.#target();
    await this.deleteIds(target, namespace, await this.meetingIds(target, namespace, meetingId));
  }

  async query(query: VectorQuery): Promise<VectorHit[]> {
    const namespace = namespaceOf(query.tenantId);
    // An explicit empty list asks for nothing: an absent filter must never mean "all".
    if (query.limit < 1 || query.kinds?.length === 0 || query.meetingIds?.length === 0) return [];
    const target = await this.#target();
    assertVector(query.vector, target.dimension, 'the query vector');
    if (!hasDirection(query.vector)) return [];

    // A long list of meetings (a wide date range) is left to the caller's own filtering: a filter
    // that size would be slow to send and near Pinecone's limits on filter expressions.
    const meetingIds = query.meetingIds !== undefined && query.meetingIds.length <= MAX_FILTERED_MEETINGS ? query.meetingIds : undefined;
    const meetingConditions = [
      ...(query.meetingId === undefined ? [] : [{ meetingId: { $eq: query.meetingId } }]),
      ...(meetingIds === undefined ? [] : [{ meetingId: { $in: [...meetingIds] } }]),
    ];
    const filter = {
      ...(meetingConditions.length === 0 ? {} : meetingConditions.length === 1 ? meetingConditions[0] : { $and: meetingConditions }),
      ...(query.kinds === undefined ? {} : { kind: { $in: [...query.kinds] } }),
    };
    const response = await this.dataCall('query', () =>
      target.index.query({
        vector: toValues(query.vector),
        topK: Math.min(Math.floor(query.limit), MAX_TOP_K),
        includeMetadata: true,
        includeValues: false,
        namespace,
        // Several keys are and-ed; the SDK rejects an empty filter object.
        ...(Object.keys(filter).length === 0 ? {} : { filter }),
      }),
    );
    return parseResponse(QueryResponseSchema, response, 'query').matches.map((match) => ({
      document: fromMetadata(match.id, query.tenantId, match.metadata),
      score: match.score,
    }));
  }

  /** The meeting's record ids, page by page (the list call returns at most 100 a page by default). */
  private async meetingIds(target: IndexTarget, namespace: string, meetingId: string): Promise<string[]> {
    const ids: string[] = [];
    let paginationToken: string | undefined;
    do {
      const token = paginationToken;
      const response = await this.dataCall('list', () =>
        target.index.listPaginated({ prefix: `${meetingId}:`, namespace, ...(token === undefined ? {} : { paginationToken: token }) }),
      );
      const page = parseResponse(ListResponseSchema, response, 'list');
      for (const vector of page.vectors ?? []) ids.push(vector.id);
      const next = page.pagination?.next;
      paginationToken = next === undefined || next.length === 0 ? undefined : next;
    } while (paginationToken !== undefined);
    return ids;
  }

  private async deleteIds(target: IndexTarget, namespace: string, ids: readonly string[]): Promise<void> {
    for (const batch of chunks(ids, MAX_IDS_PER_DELETE)) {
      await this.dataCall('delete', () => target.index.deleteMany({ ids: batch, namespace }));
    }
  }

  private async findTarget(): Promise<IndexTarget> {
    if (this.#indexHost !== undefined) {
      return { index: this.#client.index({ name: this.#indexName, host: this.#indexHost }), dimension: undefined };
    }
    const description = parseResponse(IndexDescriptionSchema, await this.call('describe', () => this.#client.describeIndex(this.#indexName)), 'describe');
    const index = `Pinecone index "${this.#indexName}"`;
    if (description.metric !== 'cosine') throw new PineconeIndexError(`${index} uses the ${description.metric} metric; search scores need cosine`);
    // Listing ids by prefix, which replacing a meeting relies on, exists only on serverless indexes.
    if (description.spec.serverless === undefined) throw new PineconeIndexError(`${index} is not a serverless index`);
    if (!description.status.ready) throw new ProviderUnavailableError(`${index} is not ready yet (${description.status.state})`);
    return { index: this.#client.index({ name: this.#indexName, host: description.host }), dimension: description.dimension };
  }

  /**
   * One billed data-plane request. Pinecone bills read units (query, list) and write units
   * (upsert, delete) that the usage schema has no unit for, and upserts report none back; so
   * each request is metered as one "requests" unit, with the operation as the model so a price
   * table can tell reads from writes.
   */
  private async dataCall<T>(operation: DataOperation, work: () => Promise<T>): Promise<T> {
    const result = await this.call(operation, work);
    meterUsage({ provider: 'pinecone', model: operation, unit: 'requests', quantity: 1 });
    return result;
  }

  private call<T>(action: string, work: () => Promise<T>): Promise<T> {
    return withHttpStatus(work, (error, status) => toDomainError(error, status, { action, indexName: this.#indexName, apiKey: this.#apiKey }));
  }
}

function namespaceOf(tenantId: string): string {
  if (tenantId.length === 0) throw new Error('tenantId must not be empty');
  return `tenant-${tenantId}`;
}

/** The meeting's records are found by the id prefix `${meetingId}:`, which must not match another meeting's. */
function assertMeetingId(meetingId: string): void {
  if (!/^[^\s:]+$/.test(meetingId)) throw new Error(`meeting id ${JSON.stringify(meetingId)} cannot be an id prefix: it is empty or has ':' or spaces`);
}

function assertBelongs(document: IndexedDocument, tenantId: string, meetingId: string): void {
  if (document.tenantId !== tenantId || document.meetingId !== meetingId) {
    throw new Error(`document ${document.id} belongs to ${document.tenantId}/${document.meetingId}, not ${tenantId}/${meetingId}`);
  }
  if (!document.id.startsWith(`${meetingId}:`)) {
    throw new Error(`document id ${document.id} does not start with "${meetingId}:", so the meeting's records could not be found again`);
  }
}

function assertVector(vector: Float32Array, dimension: number | undefined, what: string): void {
  if (dimension !== undefined && vector.length !== dimension) {
    throw new RangeError(`${what} has ${vector.length} dimensions, the index ${dimension}`);
  }
  if (!vector.every(Number.isFinite)) throw new RangeError(`${what} has a value that is not a finite number`);
}

function hasDirection(vector: Float32Array): boolean {
  return vector.some((value) => value !== 0);
}

/** Nine significant digits restore every float32 exactly, in about half the bytes of its float64 expansion. */
function toValues(vector: Float32Array): number[] {
  return Array.from(vector, (value) => Number(value.toPrecision(9)));
}

function parseResponse<T>(schema: z.ZodType<T>, response: unknown, action: string): T {
  const parsed = schema.safeParse(response);
  if (!parsed.success) throw new Error(`Pinecone ${action} returned an unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
