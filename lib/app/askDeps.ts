import type { AskDeps } from '../domain/ask/askArchive.js';
import { ExtractiveAnswerer } from '../domain/ask/ExtractiveAnswerer.js';
import { storedTranscripts } from '../domain/ask/storedTranscripts.js';
import type { ControlPlane } from './ControlPlane.js';

/** The fallback when a model fails before its first sentence: stateless, one for all asks. */
const extractive = new ExtractiveAnswerer();

/** What an ask needs from the control plane, the same for the API and the CLI. */
export function askDeps(plane: Pick<ControlPlane, 'embedder' | 'vectorIndex' | 'blobs' | 'answerer'>, signal?: AbortSignal): AskDeps {
  return {
    embedder: plane.embedder,
    index: plane.vectorIndex,
    transcripts: storedTranscripts(plane.blobs),
    answerer: plane.answerer,
    fallback: plane.answerer.kind === 'extractive' ? null : extractive,
    ...(signal === undefined ? {} : { signal }),
  };
}
