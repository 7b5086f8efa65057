export const SEARCH_DOCUMENT_KINDS = ['transcript', 'summary', 'action_item', 'chapter'] as const;
export type SearchDocumentKind = (typeof SEARCH_DOCUMENT_KINDS)[number];

/** One searchable passage of a meeting, with what a hit needs to point back into it. */
export interface SearchDocument {
  /** Deterministic: the same meeting processed twice gives the same ids. */
  id: string;
  tenantId: string;
  meetingId: string;
  kind: SearchDocumentKind;
  text: string;
  /** Who said most of it (or owns the action item); null for the summary. */
  speaker: string | null;
  /**
   * Who says which part of `text`, in order: one turn per line of a transcript window. Absent in
   * documents indexed before turns were kept and for kinds without speakers' lines (summary,
   * action item, chapter): search then falls back to `speaker`.
   */
  turns?: SpeakerTurn[];
  startMs: number;
  endMs: number;
  utteranceIds: string[];
}

/** A stretch of a document's text, [start, end) in UTF-16 offsets, said by one speaker. */
export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
}

export interface IndexedDocument extends SearchDocument {
  vector: Float32Array;
}

/** Everything a meeting should have in the index; no documents removes it. */
export interface MeetingDocuments {
  meetingId: string;
  documents: readonly IndexedDocument[];
}

/** Which of a tenant's documents a search reads, and how many of them it returns at most. */
export interface SearchScope {
  tenantId: string;
  limit: number;
  meetingId?: string;
  /**
   * Only these meetings (e.g. those recorded in a date range); an empty list finds nothing. An
   * index may leave it to the caller's own filtering above some number of ids.
   */
  meetingIds?: readonly string[];
  kinds?: readonly SearchDocumentKind[];
}

export interface VectorQuery extends SearchScope {
  vector: Float32Array;
}

/** Passages that contain the query's words, whatever their vectors say. */
export interface KeywordQuery extends SearchScope {
  /** The words to look for, space-separated: any of them matches, rarer words weigh more (BM25). */
  text: string;
}

export interface VectorHit {
  document: SearchDocument;
  /** Higher is closer; comparable only within one query. */
  score: number;
}

/** Tenant-scoped vector search. Derived data: it can always be rebuilt from the blob store. */
export interface VectorIndex {
  /** Replaces every document of the meeting with these (reprocessing must not leave stale ones). */
  replaceMeeting(tenantId: string, meetingId: string, documents: readonly IndexedDocument[]): Promise<void>;
  /**
   * The same as replaceMeeting for each meeting, in fewer writes (reindexing a whole archive).
   * Optional: without it, callers replace one meeting at a time (see replaceMeetings.ts).
   */
  replaceMeetings?(tenantId: string, meetings: readonly MeetingDocuments[]): Promise<void>;
  deleteMeeting(tenantId: string, meetingId: string): Promise<void>;
  query(query: VectorQuery): Promise<VectorHit[]>;
  /**
   * Full-text search, best first (score: higher is better, comparable only within one query).
   * Optional: an index without its own keyword search leaves it out, and search then ranks the
   * vector candidates by keywords instead — so a passage the vectors miss cannot be found there.
   */
  keywordQuery?(query: KeywordQuery): Promise<VectorHit[]>;
}
