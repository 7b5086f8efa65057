import type { RecordMetadata } from '@pinecone-database/pinecone';
import { z } from 'zod';
import { SEARCH_DOCUMENT_KINDS, type SearchDocument } from '../../domain/ports/VectorIndex.js';

/**
 * Pinecone allows 40 KB of metadata per record; measured here as the bytes of its JSON, with a
 * margin below 40 KiB for however the service counts.
 */
export const MAX_METADATA_BYTES = 40_000;

const TurnsSchema = z.array(z.tuple([z.string(), z.number().int().min(0), z.number().int().min(0)]));

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What each record carries besides its vector. The tenant is the namespace, not a field. */
const VectorMetadataSchema = z.object({
  meetingId: z.string(),
  kind: z.enum(SEARCH_DOCUMENT_KINDS),
  // Pinecone metadata has no null: a document without a speaker has no speaker field.
  speaker: z.string().optional(),
  // JSON of [speaker, start, end] per turn (metadata values cannot be lists of lists); absent in
  // records written before turns were kept, which search then reads by their main speaker.
  turns: z
    .string()
    .transform((json, context) => {
      const parsed = TurnsSchema.safeParse(safeJson(json));
      if (parsed.success) return parsed.data.map(([speaker, start, end]) => ({ speaker, start, end }));
      context.addIssue({ code: 'custom', message: 'turns is not a JSON list of [speaker, start, end]' });
      return z.NEVER;
    })
    .optional(),
  startMs: z.number(),
  endMs: z.number(),
  text: z.string(),
  utteranceIds: z.array(z.string()),
});

/** The record's metadata, with the text cut (at a character boundary) to fit the size limit. */
export function toMetadata(document: SearchDocument): RecordMetadata {
  const withoutText: RecordMetadata = {
    meetingId: document.meetingId,
    kind: document.kind,
    ...(document.speaker === null ? {} : { speaker: document.speaker }),
    ...(document.turns === undefined ? {} : { turns: JSON.stringify(document.turns.map((turn) => [turn.speaker, turn.start, turn.end])) }),
    startMs: document.startMs,
    endMs: document.endMs,
    utteranceIds: document.utteranceIds,
  };
  return { ...withoutText, text: fittingText(withoutText, document) };
}

/** The search document a match stands for; metadata that does not have our shape is an error, not a guess. */
export function fromMetadata(id: string, tenantId: string, metadata: unknown): SearchDocument {
  const parsed = VectorMetadataSchema.safeParse(metadata);
  if (!parsed.success) throw new Error(`Pinecone record ${id} has metadata this index did not write: ${z.prettifyError(parsed.error)}`);
  const { speaker, turns, ...fields } = parsed.data;
  return { id, tenantId, ...fields, speaker: speaker ?? null, ...(turns === undefined ? {} : { turns }) };
}

function fittingText(withoutText: RecordMetadata, document: SearchDocument): string {
  const bytesWith = (text: string): number => Buffer.byteLength(JSON.stringify({ ...withoutText, text }));
  if (bytesWith(document.text) <= MAX_METADATA_BYTES) return document.text;
  if (bytesWith('') > MAX_METADATA_BYTES) {
    throw new RangeError(`document ${document.id}: its metadata without text is over ${MAX_METADATA_BYTES} bytes (${document.utteranceIds.length} utterance ids)`);
  }
  // Code points, so a cut never splits a surrogate pair; binary search on how many fit.
  const characters = Array.from(document.text);
  let fits = 0;
  let tooMany = characters.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (bytesWith(characters.slice(0, middle).join('')) <= MAX_METADATA_BYTES) fits = middle;
    else tooMany = middle;
  }
  return characters.slice(0, fits).join('');
}
