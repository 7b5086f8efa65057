import type { VectorIndex } from '../domain/ports/VectorIndex.js';
import { replaceMeetings } from '../domain/search/replaceMeetings.js';
import { once } from '../platform/once.js';

/**
 * Opens the index on first use: most steps never touch it, so they neither pay for opening it
 * nor fail where it cannot be opened (LanceDB's native library is not in the Lambda bundles).
 */
export function lazyVectorIndex(open: () => Promise<VectorIndex & { close?(): Promise<void> }>): VectorIndex & { close(): Promise<void> } {
  const index = once(open);
  return {
    replaceMeeting: async (tenantId, meetingId, documents) => (await index()).replaceMeeting(tenantId, meetingId, documents),
    replaceMeetings: async (tenantId, meetings) => replaceMeetings(await index(), tenantId, meetings),
    deleteMeeting: async (tenantId, meetingId) => (await index()).deleteMeeting(tenantId, meetingId),
    query: async (query) => (await index()).query(query),
    // Only LanceDB is opened lazily, and it has keyword search; an index without it is a wiring mistake.
    keywordQuery: async (query) => {
      const opened = await index();
      if (opened.keywordQuery === undefined) throw new Error('the lazily opened vector index has no keyword search');
      return opened.keywordQuery(query);
    },
    close: async () => {
      await (await index.kept()?.catch(() => null))?.close?.();
    },
  };
}
