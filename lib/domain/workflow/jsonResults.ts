import type { z } from 'zod';
import { ResultMissingError } from '../errors.js';
import type { BlobStore } from '../ports/BlobStore.js';

export const putJson = (blobs: BlobStore, key: string, value: unknown): Promise<void> =>
  blobs.put(key, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/** Reads and validates a JSON result a step depends on; its absence is a clear, final error. */
export async function getJson<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<z.infer<S>> {
  const value = await findJson(blobs, key, schema);
  if (value === null) throw new ResultMissingError(`${key} does not exist: run the step that writes it first`);
  return value;
}

/** Like getJson, but null when the object does not exist. */
export async function findJson<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<z.infer<S> | null> {
  const text = await blobs.getText(key);
  if (text === null) return null;
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new ResultMissingError(`${key} is not a valid result: ${parsed.error.message}`);
  return parsed.data;
}
