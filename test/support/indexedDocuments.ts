import type { IndexedDocument } from '../../lib/domain/ports/VectorIndex.js';

export const TEST_DIMENSIONS = 8;

/** A unit vector along one axis, so which document is nearest is obvious. */
export const axis = (n: number): Float32Array => {
  const vector = new Float32Array(TEST_DIMENSIONS);
  vector[n % TEST_DIMENSIONS] = 1;
  return vector;
};

/** The n-th search document of a meeting, pointing along axis n; tests override what they vary. */
export const doc = (tenantId: string, meetingId: string, n: number, overrides: Partial<IndexedDocument> = {}): IndexedDocument => ({
  id: `${meetingId}:${overrides.kind ?? 'transcript'}:${n}`,
  tenantId,
  meetingId,
  kind: 'transcript',
  text: `text ${n} of ${meetingId}`,
  speaker: 'Ann',
  startMs: n * 1_000,
  endMs: n * 1_000 + 900,
  utteranceIds: [`u${n}`, `u${n + 1}`],
  vector: axis(n),
  ...overrides,
});
