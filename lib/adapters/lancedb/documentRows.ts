import type * as lancedb from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { SEARCH_DOCUMENT_KINDS, type IndexedDocument, type SearchDocument, type SearchDocumentKind, type SpeakerTurn } from '../../domain/ports/VectorIndex.js';

/**
 * How a search document is laid out in a row. `packed` (every table created now): the columns a
 * filter or an index names, plus one JSON column with the rest. `columns`: a column per field, as
 * folders written before this were; they stay readable and writable as they are.
 *
 * Why pack: a search reads its candidates' rows by row id, and LanceDB decodes each selected
 * column apart — about 1.5 ms of CPU per column per 40 rows on a million-passage archive, over half
 * of a search's CPU with ten columns (docs/benchmarks.md). Six columns cost 40 % less.
 */
export type RowLayout = 'packed' | 'columns';

// snake_case on purpose: the SQL filters fold unquoted identifiers to lower case.
const FILTERED_COLUMNS = ['id', 'tenant_id', 'meeting_id', 'kind', 'text'] as const;
const DETAILS = 'details';
const COLUMNS_OF: Record<RowLayout, readonly string[]> = {
  packed: [...FILTERED_COLUMNS, DETAILS],
  columns: [...FILTERED_COLUMNS, 'speaker', 'turns', 'start_ms', 'end_ms', 'utterance_ids'],
};

/** The columns a read selects to make SearchDocuments of its rows. */
export const documentColumns = (layout: RowLayout): readonly string[] => COLUMNS_OF[layout];

export const layoutOf = (schema: Schema): RowLayout => (schema.fields.some((field) => field.name === DETAILS) ? 'packed' : 'columns');

// A type, not an interface: only type aliases satisfy lancedb's Record<string, unknown> rows.
type FilteredColumns = { id: string; tenant_id: string; meeting_id: string; kind: string; text: string };
type ColumnsRow = FilteredColumns & {
  speaker: string | null;
  /** JSON array of [speaker, start, end] per turn; null for kinds without turns and rows written before turns were kept. */
  turns: string | null;
  start_ms: number;
  end_ms: number;
  /** JSON array of utterance ids. */
  utterance_ids: string;
};
type PackedRow = FilteredColumns & { details: string };
/** What `details` holds: turns as [speaker, start, end] triples, as in the `columns` layout. */
type Details = { speaker: string | null; turns?: [string, number, number][]; startMs: number; endMs: number; utteranceIds: string[] };

/**
 * The schema of a new table. Without an explicit one, JS numbers become Float64 and vectors
 * variable-length lists.
 */
export async function documentSchema(dimensions: number): Promise<Schema> {
  const { Field, FixedSizeList, Float32, Schema, Utf8 } = await import('apache-arrow');
  return new Schema([
    ...FILTERED_COLUMNS.map((name) => new Field(name, new Utf8(), false)),
    new Field(DETAILS, new Utf8(), false),
    new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
  ]);
}

export function toRow(document: IndexedDocument, layout: RowLayout): Record<string, unknown> {
  const filtered: FilteredColumns = { id: document.id, tenant_id: document.tenantId, meeting_id: document.meetingId, kind: document.kind, text: document.text };
  const turns = document.turns?.map((turn): [string, number, number] => [turn.speaker, turn.start, turn.end]);
  if (layout === 'packed') {
    const details: Details = { speaker: document.speaker, ...(turns ? { turns } : {}), startMs: document.startMs, endMs: document.endMs, utteranceIds: document.utteranceIds };
    return { ...filtered, details: JSON.stringify(details), vector: document.vector } satisfies PackedRow & { vector: Float32Array };
  }
  return {
    ...filtered,
    speaker: document.speaker,
    turns: turns === undefined ? null : JSON.stringify(turns),
    start_ms: document.startMs,
    end_ms: document.endMs,
    utterance_ids: JSON.stringify(document.utteranceIds),
    vector: document.vector,
  } satisfies ColumnsRow & { vector: Float32Array };
}

export function fromRow(row: Record<string, unknown>, layout: RowLayout): SearchDocument {
  const { id, tenant_id, meeting_id, kind, text } = row as FilteredColumns;
  const base = { id, tenantId: tenant_id, meetingId: meeting_id, kind: asKind(kind), text };
  if (layout === 'packed') {
    const details = JSON.parse((row as PackedRow).details) as Details;
    return { ...base, speaker: details.speaker, ...(details.turns ? { turns: turnsOf(details.turns) } : {}), startMs: details.startMs, endMs: details.endMs, utteranceIds: details.utteranceIds };
  }
  const columns = row as ColumnsRow;
  return {
    ...base,
    speaker: columns.speaker,
    ...(columns.turns === null ? {} : { turns: turnsOf(JSON.parse(columns.turns) as [string, number, number][]) }),
    startMs: columns.start_ms,
    endMs: columns.end_ms,
    utteranceIds: JSON.parse(columns.utterance_ids) as string[],
  };
}

const turnsOf = (triples: [string, number, number][]): SpeakerTurn[] => triples.map(([speaker, start, end]) => ({ speaker, start, end }));

function asKind(kind: string): SearchDocumentKind {
  if ((SEARCH_DOCUMENT_KINDS as readonly string[]).includes(kind)) return kind as SearchDocumentKind;
  throw new Error(`unknown document kind in the index: ${kind}`);
}

/**
 * A `columns` folder written before documents kept their speakers' turns gets the column, empty:
 * its rows stay readable (search falls back to each row's main speaker) until `aftercall reindex` fills it.
 */
export async function ensureTurnsColumn(table: lancedb.Table): Promise<void> {
  const schema = await table.schema();
  if (layoutOf(schema) === 'packed' || schema.fields.some((field) => field.name === 'turns')) return;
  await table.addColumns([{ name: 'turns', valueSql: 'CAST(NULL AS string)' }]);
}
