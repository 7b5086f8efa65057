import type { VectorIndex } from '../domain/ports/VectorIndex.js';

/**
 * Opens the index on first use: most steps never touch it, so they neither pay for opening it
 * nor fail where it cannot be opened (LanceDB's native library is not in the Lambda bundles).
 */
export function lazyVectorIndex(open: () => Promise<VectorIndex & { close?(): Promise<void> }>): VectorIndex & { close(): Promise<void> } {
  let opened: Promise<VectorIndex & { close?(): Promise<void> }> | undefined;
  const index = () => {
    opened ??= open().catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    replaceMeeting: async (tenantId, meetingId, documents) => (await index()).replaceMeeting(tenantId, meetingId, documents),
    deleteMeeting: async (tenantId, meetingId) => (await index()).deleteMeeting(tenantId, meetingId),
    query: async (query) => (await index()).query(query),
    close: async () => {
      if (opened !== undefined) await (await opened.catch(() => null))?.close?.();
    },
  };
}
