import type { PineconeRecord } from '@pinecone-database/pinecone';

/** Pinecone's documented upsert limits: 1,000 records and 2 MB per request. */
export const MAX_RECORDS_PER_UPSERT = 1000;
/** 2 MB read as the smaller 2,000,000 bytes, so either reading of "MB" holds. */
export const MAX_UPSERT_REQUEST_BYTES = 2_000_000;
/** Pinecone's documented limit on ids per delete request. */
export const MAX_IDS_PER_DELETE = 1000;

/**
 * Splits records into upsert requests within both limits. Each record is measured as the SDK
 * sends it (JSON in a `{"vectors":[…],"namespace":…}` body), so the sum is the body's size.
 */
export function upsertBatches(records: readonly PineconeRecord[], namespace: string): PineconeRecord[][] {
  const envelopeBytes = Buffer.byteLength(JSON.stringify({ vectors: [], namespace }));
  const batches: PineconeRecord[][] = [];
  let batch: PineconeRecord[] = [];
  let batchBytes = envelopeBytes;
  for (const record of records) {
    const recordBytes = Buffer.byteLength(JSON.stringify(record)) + 1; // and its comma
    if (envelopeBytes + recordBytes > MAX_UPSERT_REQUEST_BYTES) {
      throw new RangeError(`record ${record.id} alone is ${recordBytes} bytes, over the ${MAX_UPSERT_REQUEST_BYTES}-byte upsert limit`);
    }
    if (batch.length === MAX_RECORDS_PER_UPSERT || batchBytes + recordBytes > MAX_UPSERT_REQUEST_BYTES) {
      batches.push(batch);
      batch = [];
      batchBytes = envelopeBytes;
    }
    batch.push(record);
    batchBytes += recordBytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
