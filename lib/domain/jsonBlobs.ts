import type { z } from 'zod';
import { CorruptResultError, ResultMissingError } from './errors.js';
import type { BlobStore } from './ports/BlobStore.js';

export const putJson = (blobs: BlobStore, key: string, value: unknown): Promise<void> =>
  blobs.put(key, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/** Reads and validates a JSON result a step depends on; its absence is a clear, final error. */
export async function getJson<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<z.infer<S>> {
  const value = await findJson(blobs, key, schema);
  if (value === null) throw new ResultMissingError(`${key} does not exist: run the step that writes it first`);
  return value;
}

/**
 * Like getJson, but null when the object does not exist. Only "not found" means absent: a
 * store that cannot be read throws its own (retryable) error, and a file that is there but
 * not valid throws CorruptResultError.
 */
export async function findJson<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<z.infer<S> | null> {
  const text = await blobs.getText(key);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorruptResultError(`${key} is not valid JSON`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CorruptResultError(`${key} is not a valid result: ${parsed.error.message}`, { cause: parsed.error });
  return parsed.data;
}

/**
 * For readers that can do without a file: null when it is absent or corrupt. Every other
 * error (the store is unavailable) propagates, so a brief outage is never taken for "absent".
 */
export async function findJsonIfValid<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<z.infer<S> | null> {
  try {
    return await findJson(blobs, key, schema);
  } catch (error) {
    if (error instanceof CorruptResultError) return null;
    throw error;
  }
}

/** A result a view shows: its value (null when absent or corrupt) and whether it was corrupt. */
export interface ShownResult<T> {
  value: T | null;
  corrupt: boolean;
}

/** For views that show what is readable and mark what is not; store errors propagate. */
export async function readShownResult<S extends z.ZodType>(blobs: BlobStore, key: string, schema: S): Promise<ShownResult<z.infer<S>>> {
  try {
    return { value: await findJson(blobs, key, schema), corrupt: false };
  } catch (error) {
    if (error instanceof CorruptResultError) return { value: null, corrupt: true };
    throw error;
  }
}
