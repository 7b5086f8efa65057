import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

/** The recordings the demo processes, each with the transcript that sits beside it. */
export const SAMPLE_RECORDINGS = [
  { name: 'kickoff-es2002a', audio: 'recordings/kickoff-es2002a.ogg', transcript: 'recordings/kickoff-es2002a.vtt' },
  { name: 'standup-is1008b', audio: 'recordings/standup-is1008b.ogg', transcript: 'recordings/standup-is1008b.vtt' },
] as const;

export const readSample = (relative: string): Promise<Buffer> => readFile(new URL(relative, `file://${SAMPLES_DIR}`));
