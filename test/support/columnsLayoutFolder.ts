import type { IndexedDocument } from '../../lib/domain/ports/VectorIndex.js';

/**
 * A search folder as versions before the packed row layout wrote it: a column per field (and, as
 * the oldest ones, no `turns` column), built with LanceDB directly so it does not depend on the
 * adapter under test.
 */
export async function writeColumnsLayoutFolder(directory: string, documents: readonly IndexedDocument[]): Promise<void> {
  const { connect } = await import('@lancedb/lancedb');
  const { Field, FixedSizeList, Float32, Float64, Schema, Utf8 } = await import('apache-arrow');
  const dimensions = documents[0]!.vector.length;
  const schema = new Schema([
    ...['id', 'tenant_id', 'meeting_id', 'kind', 'text'].map((name) => new Field(name, new Utf8(), false)),
    new Field('speaker', new Utf8(), true),
    new Field('start_ms', new Float64(), false),
    new Field('end_ms', new Float64(), false),
    new Field('utterance_ids', new Utf8(), false),
    new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
  ]);
  const connection = await connect(directory);
  const table = await connection.createEmptyTable('documents', schema);
  await table.add(
    documents.map((document) => ({
      id: document.id,
      tenant_id: document.tenantId,
      meeting_id: document.meetingId,
      kind: document.kind,
      text: document.text,
      speaker: document.speaker,
      start_ms: document.startMs,
      end_ms: document.endMs,
      utterance_ids: JSON.stringify(document.utteranceIds),
      vector: document.vector,
    })),
  );
  table.close();
  connection.close();
}
