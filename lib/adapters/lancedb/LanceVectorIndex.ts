// Types only at the top: the modules themselves load when an index is opened, so code that
// never opens one (the Lambda functions, which use Pinecone) never needs LanceDB's native binary.
import { performance } from 'node:perf_hooks';
import type * as lancedb from '@lancedb/lancedb';
import type { FixedSizeList } from 'apache-arrow';
import type { IndexedDocument, KeywordQuery, MeetingDocuments, SearchScope, VectorHit, VectorIndex, VectorQuery } from '../../domain/ports/VectorIndex.js';
import { documentColumns, documentSchema, ensureTurnsColumn, fromRow, layoutOf, toRow, type RowLayout } from './documentRows.js';
import { configureLanceThreads } from './lanceThreads.js';
import { sqlAnd, sqlEquals, sqlIn } from './sqlFilter.js';

const TABLE = 'documents';
// Each write is a new small fragment; compaction every so often keeps searches from slowing down.
const OPTIMIZE_EVERY = 50;
// Below this many rows an exact scan is fast enough (a few ms); above it a graph index pays off.
const ANN_MIN_ROWS = 20_000;
/**
 * The vector index: HNSW graphs over 8-bit scalar-quantised vectors, in a few IVF partitions that
 * a search reads all of. Measured on 100k passages of the offline embedder (docs/benchmarks.md):
 * IVF_FLAT with 24 of 321 partitions read 12.6k vectors per search for recall@10 0.79 against an
 * exact search (its sparse, nearly orthogonal vectors cluster badly, so the nearest partition often
 * lacks the nearest passage); this reads ~8 graphs for 0.92 at a third of the CPU, and the cost of a
 * graph search grows with the log of the rows, not with them. IVF_PQ and IVF_RQ were cheaper per
 * comparison and lost too much recall (0.78 and 0.63 at best, with refinement).
 */
const HNSW_PARTITIONS = 8;
/** Candidates each graph search keeps: recall@10 0.87 at 64, 0.92 at 200, 0.94 at 500 (100k passages). */
const HNSW_EF = 200;
const VECTOR_INDEX_NAME = `vector_hnsw_sq_${HNSW_PARTITIONS}`;
/**
 * Rows written since the last optimise are not in the indices: every search scans them. Past this
 * many, and past half of the rows already indexed, a write is followed by an optimise whatever
 * the time rule in write() says, so a bulk load cannot leave a backlog larger than a third of the
 * table (mid-build, 247k of 781k rows were once unindexed), while the optimises still cost a small
 * multiple of the last one: each comes after the table has grown by half.
 */
const MAX_UNINDEXED_ROWS = 20_000;
const MAX_UNINDEXED_SHARE = 0.5;

/** The sizes at which the index changes how it works; smaller in tests, which cannot write 20k rows each. */
export interface LanceIndexThresholds {
  /** Rows from which searches read a vector index instead of scanning. */
  annMinRows: number;
  /** Unindexed rows past which (and past half of the indexed rows) a write is followed by an optimise. */
  maxUnindexedRows: number;
}
const THRESHOLDS: LanceIndexThresholds = { annMinRows: ANN_MIN_ROWS, maxUnindexedRows: MAX_UNINDEXED_ROWS };
// English stems and stopwords, like the hashed-term embedder's analysis; no positions (no
// phrase queries are asked), which keeps the index small and quick to build.
const FTS_OPTIONS = { baseTokenizer: 'simple', language: 'English', lowercase: true, stem: true, removeStopWords: true, asciiFolding: true, withPosition: false } as const;
// Full-text on the text; bitmap (few distinct values) on the tenant; B-tree (one value per meeting) on the meeting.
const INDEXED_COLUMNS = ['text', 'tenant_id', 'meeting_id'] as const;

/**
 * Tenant-scoped vector search in an embedded LanceDB folder: no server, nothing to run. Every
 * read and delete carries a tenant filter built here, with values quoted, never trusted.
 * Searches are exact (flat, cosine) until the archive is large enough for a vector index
 * (ANN_MIN_ROWS), then read HNSW graphs (see HNSW_PARTITIONS).
 */
export class LanceVectorIndex implements VectorIndex {
  readonly dimensions: number;
  readonly #connection: lancedb.Connection;
  #table: lancedb.Table | null = null;
  /** How the table's rows are laid out (see documentRows.ts); known once the table is. */
  #layout: RowLayout = 'packed';
  /** Writes one at a time, so the first write creates the table once and replaces never interleave. */
  #writes: Promise<unknown> = Promise.resolve();
  #writesSinceOptimize = 0;
  /** Rows written since the last optimise (not yet in the indices), and the rows it left indexed. */
  #rowsSinceOptimize = 0;
  #rowsAtOptimize = 0;
  #optimizeQueued = false;
  /** Time spent writing since the last optimise, and how long that one took (see write()). */
  #writeMsSinceOptimize = 0;
  #lastOptimizeMs = 0;
  /** Whether the full-text and scalar indices are known to exist; they are built with the first rows. */
  #indexed = false;

  readonly #thresholds: LanceIndexThresholds;

  private constructor(connection: lancedb.Connection, dimensions: number, thresholds: LanceIndexThresholds) {
    this.#thresholds = thresholds;
    this.#connection = connection;
    this.dimensions = dimensions;
  }

  /** Opens (or, on first write, creates) the index in `directory`. */
  static async open(directory: string, dimensions: number, thresholds: Partial<LanceIndexThresholds> = {}): Promise<LanceVectorIndex> {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
    // Check for other processes' writes on every read (the indexing worker and the search API
    // share the folder); on a local disk that is one small manifest read.
    configureLanceThreads();
    const { connect } = await import('@lancedb/lancedb');
    const connection = await connect(directory, { readConsistencyInterval: 0 });
    try {
      const table = (await connection.tableNames()).includes(TABLE) ? await connection.openTable(TABLE) : null;
      if (table) {
        await assertDimensions(table, dimensions, directory);
        await ensureTurnsColumn(table);
      }
      const index = new LanceVectorIndex(connection, dimensions, { ...THRESHOLDS, ...thresholds });
      // A folder written before keyword search (or the scalar indices) existed gets its indices now (a fraction of a second per 50k rows).
      if (table) {
        await index.useTable(table);
        index.#indexed = await ensureIndices(table);
        index.#rowsAtOptimize = await table.countRows();
        await prewarmIndices(table);
      }
      return index;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  async replaceMeeting(tenantId: string, meetingId: string, documents: readonly IndexedDocument[]): Promise<void> {
    await this.replaceMeetings(tenantId, [{ meetingId, documents }]);
  }

  /**
   * Replaces each meeting's documents, in at most two commits whatever the number of meetings:
   * meetings indexed for the first time, the usual case, are appended, at a cost that does not
   * depend on the table's size; meetings that have documents are merged in one commit, so a reader
   * sees a meeting's old documents or its new ones, never a meeting half gone. The merge joins
   * against the whole table, which is why new meetings skip it and a rebuild merges many at once.
   */
  async replaceMeetings(tenantId: string, meetings: readonly MeetingDocuments[]): Promise<void> {
    const meetingIds = new Set(meetings.map((meeting) => meeting.meetingId));
    if (meetingIds.size !== meetings.length) throw new Error('replaceMeetings was given the same meeting twice');
    for (const { meetingId, documents } of meetings) {
      for (const document of documents) this.assertBelongs(document, tenantId, meetingId);
      if (new Set(documents.map((document) => document.id)).size !== documents.length) throw new Error(`documents of meeting ${meetingId} have duplicate ids`);
    }
    if (meetings.length === 0) return;

    await this.write(async () => {
      const writing = meetings.some((meeting) => meeting.documents.length > 0);
      const table = writing ? await this.tableForWriting() : await this.existingTable();
      if (table === null) return;
      // Writes are serialised (see write()), so no meeting is added between this read and the writes below.
      const indexed = await meetingsWithRows(table, tenantId, [...meetingIds]);
      const fresh = meetings.filter((meeting) => !indexed.has(meeting.meetingId));
      const reindexed = meetings.filter((meeting) => indexed.has(meeting.meetingId));
      const added = fresh.flatMap((meeting) => meeting.documents.map((document) => toRow(document, this.#layout)));
      if (added.length > 0) await table.add(added);
      this.#rowsSinceOptimize += added.length + reindexed.reduce((sum, meeting) => sum + meeting.documents.length, 0);
      if (reindexed.length > 0) {
        const ofMeetings = sqlAnd(sqlEquals('tenant_id', tenantId), sqlIn('meeting_id', reindexed.map((meeting) => meeting.meetingId)));
        const rows = reindexed.flatMap((meeting) => meeting.documents.map((document) => toRow(document, this.#layout)));
        if (rows.length === 0) await table.delete(ofMeetings);
        else await table.mergeInsert(['tenant_id', 'id']).whenMatchedUpdateAll().whenNotMatchedInsertAll().whenNotMatchedBySourceDelete({ where: ofMeetings }).execute(rows);
      }
      // Once, after the first rows exist: later rows are searched unindexed until optimize folds them in.
      if (!this.#indexed) this.#indexed = await ensureIndices(table);
    });
  }

  async deleteMeeting(tenantId: string, meetingId: string): Promise<void> {
    await this.write(async () => {
      await (await this.existingTable())?.delete(sqlAnd(sqlEquals('tenant_id', tenantId), sqlEquals('meeting_id', meetingId)));
    });
  }

  /**
   * Nearest documents by cosine. `exact` skips the IVF index and compares every row in scope: the
   * ground truth the bench measures the index's recall against (seconds per query on a large archive).
   */
  async query(query: VectorQuery, { exact = false }: { exact?: boolean } = {}): Promise<VectorHit[]> {
    if (query.vector.length !== this.dimensions) {
      throw new RangeError(`query vector has ${query.vector.length} dimensions, the index ${this.dimensions}`);
    }
    const table = await this.tableToRead(query);
    if (!table) return [];
    const search = table.vectorSearch(query.vector).distanceType('cosine');
    // Read by the vector index once there is one; rows written since are still scanned exactly.
    if (exact) search.bypassVectorIndex();
    else search.nprobes(HNSW_PARTITIONS).ef(HNSW_EF);
    const rows: Record<string, unknown>[] = await search
      .where(scopeFilter(query))
      .select([...documentColumns(this.#layout), '_distance'])
      .limit(Math.floor(query.limit))
      .toArray();
    // A zero vector on either side has no cosine distance (NaN): no evidence of a match.
    return rows.flatMap((row) => (Number.isFinite(row._distance) ? [{ document: fromRow(row, this.#layout), score: 1 - (row._distance as number) }] : []));
  }

  /**
   * LanceDB's own full-text search (BM25 over the whole table's term statistics) on the text
   * column, any of the words matching. Rows written since the FTS index was last updated are
   * searched too (LanceDB scans them), so a new meeting is findable at once; `optimize` folds
   * them into the index. Deleted rows are never returned.
   */
  async keywordQuery(query: KeywordQuery): Promise<VectorHit[]> {
    if (query.text.trim() === '') return [];
    const table = await this.tableToRead(query);
    if (!table) return [];
    // A MatchQuery takes the words as words: no query syntax for user input to smuggle in.
    const { MatchQuery } = await import('@lancedb/lancedb');
    const rows: Record<string, unknown>[] = await table
      .query()
      .fullTextSearch(new MatchQuery(query.text, 'text'))
      .where(scopeFilter(query))
      .select([...documentColumns(this.#layout), '_score'])
      .limit(Math.floor(query.limit))
      .toArray();
    return rows.map((row) => ({ document: fromRow(row, this.#layout), score: row._score as number }));
  }

  /**
   * Compacts the small fragments every write leaves behind and drops versions older than a
   * minute: after many meetings a search scans a few large files instead of thousands of
   * small ones, and folds new rows into the indices. Runs on its own (see write()); reindexing
   * and the bench call it at the end.
   */
  async optimize(): Promise<void> {
    await this.enqueue(async () => {
      const table = await this.existingTable();
      if (table === null) return;
      const started = performance.now();
      const rowsWritten = this.#rowsSinceOptimize;
      await table.optimize({ cleanupOlderThan: new Date(Date.now() - 60_000) });
      await ensureIndices(table);
      await ensureVectorIndex(table, this.#thresholds.annMinRows);
      await prewarmIndices(table);
      // Rows written while this ran are still waiting for the next one.
      this.#rowsSinceOptimize -= rowsWritten;
      this.#rowsAtOptimize = await table.countRows();
      this.#writesSinceOptimize = 0;
      this.#writeMsSinceOptimize = 0;
      this.#lastOptimizeMs = performance.now() - started;
    });
  }


  /**
   * Rows each index does not cover yet, by index name (rows written since the last `optimize`).
   * A search scans those rows instead of looking them up: the vector search at some microseconds a
   * row, which is what makes a large backlog slow (see docs/benchmarks.md).
   */
  async unindexedRows(): Promise<Record<string, number>> {
    const table = await this.existingTable();
    if (table === null) return {};
    const entries = await Promise.all((await table.listIndices()).map(async (index) => [index.name, (await table.indexStats(index.name))?.numUnindexedRows ?? 0] as const));
    return Object.fromEntries(entries);
  }

  /** Releases the folder; the index cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#writes.catch(() => undefined);
    this.#table?.close();
    this.#connection.close();
  }

  /**
   * Queues a write after the others. Every OPTIMIZE_EVERY writes the index is optimised, unless
   * the writes since the last optimise took less time than it did: compaction rewrites fragments
   * whose size grows with the table, so on a large archive it runs less often, and optimising never
   * takes more than about half of the time spent writing, however large the table grows. A backlog
   * of unindexed rows past MAX_UNINDEXED_ROWS and MAX_UNINDEXED_SHARE optimises regardless.
   */
  private write(operation: () => Promise<void>): Promise<void> {
    const result = this.enqueue(async () => {
      const started = performance.now();
      try {
        await operation();
      } finally {
        this.#writeMsSinceOptimize += performance.now() - started;
      }
    });
    this.#writesSinceOptimize += 1;
    void result
      .then(() => {
        const due = this.#writesSinceOptimize >= OPTIMIZE_EVERY && this.#writeMsSinceOptimize >= this.#lastOptimizeMs;
        if (this.#optimizeQueued || (!due && !this.backlogTooLarge())) return;
        this.#writesSinceOptimize = 0;
        this.#optimizeQueued = true;
        return this.optimize().finally(() => (this.#optimizeQueued = false));
      })
      .catch(() => undefined);
    return result;
  }

  private backlogTooLarge(): boolean {
    return this.#rowsSinceOptimize > this.#thresholds.maxUnindexedRows && this.#rowsSinceOptimize > this.#rowsAtOptimize * MAX_UNINDEXED_SHARE;
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.#writes.catch(() => undefined).then(operation);
    this.#writes = result;
    return result;
  }


  /** The table a search reads, or null when there is nothing it could find. */
  private async tableToRead(query: SearchScope): Promise<lancedb.Table | null> {
    // An explicit empty list asks for nothing: an absent filter must never mean "all".
    if (query.limit < 1 || query.kinds?.length === 0 || query.meetingIds?.length === 0) return null;
    return this.existingTable();
  }

  /** The table, if this or another process has created it since this index was opened. */
  private async existingTable(): Promise<lancedb.Table | null> {
    if (!this.#table && (await this.#connection.tableNames()).includes(TABLE)) {
      await this.useTable(await this.#connection.openTable(TABLE));
    }
    return this.#table;
  }

  private async tableForWriting(): Promise<lancedb.Table> {
    if (this.#table === null) {
      // existOk: another process may have created it since; its layout is whatever it was made with.
      return this.useTable(await this.#connection.createEmptyTable(TABLE, await documentSchema(this.dimensions), { mode: 'create', existOk: true }));
    }
    return this.#table;
  }

  /** Reads and writes go to this table, in the row layout it was created with. */
  private async useTable(table: lancedb.Table): Promise<lancedb.Table> {
    this.#layout = layoutOf(await table.schema());
    this.#table = table;
    return table;
  }

  private assertBelongs(document: IndexedDocument, tenantId: string, meetingId: string): void {
    if (document.tenantId !== tenantId || document.meetingId !== meetingId) {
      throw new Error(`document ${document.id} belongs to ${document.tenantId}/${document.meetingId}, not ${tenantId}/${meetingId}`);
    }
    if (document.vector.length !== this.dimensions) {
      throw new RangeError(`document ${document.id} has a ${document.vector.length}-dimension vector, the index ${this.dimensions}`);
    }
  }
}

async function assertDimensions(table: lancedb.Table, dimensions: number, directory: string): Promise<void> {
  const type = (await table.schema()).fields.find((field) => field.name === 'vector')?.type;
  // By type id, not instanceof: the schema may be built by another copy of apache-arrow.
  const { DataType } = await import('apache-arrow');
  const existing = type !== undefined && DataType.isFixedSizeList(type) ? (type as FixedSizeList).listSize : null;
  if (existing !== dimensions) {
    throw new RangeError(`the index in ${directory} holds ${existing ?? 'unknown'}-dimension vectors, not ${dimensions}: rebuild it for this embedder`);
  }
}

/** Which of these meetings of the tenant have documents (the meeting filter is looked up in its B-tree index). */
async function meetingsWithRows(table: lancedb.Table, tenantId: string, meetingIds: readonly string[]): Promise<Set<string>> {
  if (meetingIds.length === 1) {
    return (await table.countRows(sqlAnd(sqlEquals('tenant_id', tenantId), sqlEquals('meeting_id', meetingIds[0]!)))) > 0 ? new Set(meetingIds) : new Set();
  }
  const rows: { meeting_id: string }[] = await table.query().where(sqlAnd(sqlEquals('tenant_id', tenantId), sqlIn('meeting_id', meetingIds))).select(['meeting_id']).toArray();
  return new Set(rows.map((row) => row.meeting_id));
}

/** Every read is scoped to one tenant; values are quoted literals (see sqlFilter). */
function scopeFilter(query: SearchScope): string {
  return sqlAnd(
    sqlEquals('tenant_id', query.tenantId),
    query.meetingId !== undefined ? sqlEquals('meeting_id', query.meetingId) : null,
    query.meetingIds ? sqlIn('meeting_id', query.meetingIds) : null,
    query.kinds ? sqlIn('kind', query.kinds) : null,
  );
}

/**
 * Loads the indices into memory now, so the first searches do not each pay for reading them from
 * disk (on a 100k-passage archive the first pass of queries was twice as slow at the 95th percentile).
 */
async function prewarmIndices(table: lancedb.Table): Promise<void> {
  // Only an optimisation: an index that cannot be prewarmed is read from disk when first used.
  for (const index of await table.listIndices()) await table.prewarmIndex(index.name).catch(() => undefined);
}

/**
 * The full-text (BM25) index on the text column, and scalar indices on the columns every filter
 * names: the tenant filter of each search, and the meeting filter of each replace and delete, are
 * then looked up instead of scanned across the whole table. Built once, kept up to date by
 * `optimize`; returns whether they exist.
 */
async function ensureIndices(table: lancedb.Table): Promise<boolean> {
  const existing = await table.listIndices();
  const missing = INDEXED_COLUMNS.filter((column) => !existing.some((index) => index.columns.includes(column)));
  if (missing.length === 0) return true;
  if ((await table.countRows()) === 0) return false;
  const { Index } = await import('@lancedb/lancedb');
  const configs = { text: () => Index.fts(FTS_OPTIONS), tenant_id: () => Index.bitmap(), meeting_id: () => Index.btree() };
  for (const column of missing) await table.createIndex(column, { config: configs[column]() });
  return true;
}

/**
 * The vector index (see HNSW_PARTITIONS), built once the archive is large enough for it to pay
 * off; from then on `optimize` adds new rows to it. A folder holding an index of another kind (the
 * IVF_FLAT index of earlier versions, `vector_ivf_<n>`) gets this one, and the old one dropped.
 */
async function ensureVectorIndex(table: lancedb.Table, minRows: number): Promise<void> {
  const current = (await table.listIndices()).filter((index) => index.columns.includes('vector'));
  if (current.some((index) => index.name === VECTOR_INDEX_NAME)) return;
  if ((await table.countRows()) < minRows) return;
  const { Index } = await import('@lancedb/lancedb');
  await table.createIndex('vector', { name: VECTOR_INDEX_NAME, config: Index.hnswSq({ numPartitions: HNSW_PARTITIONS, distanceType: 'cosine' }) });
  for (const old of current) await table.dropIndex(old.name);
}
