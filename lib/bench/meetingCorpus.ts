import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The meeting corpus for evaluation and benchmarks: the shared data beside the repo when it
 * is there (all ten meetings), else the samples inside the repo (three).
 */
export function meetingCorpusDir(explicit?: string): string {
  const candidates = explicit === undefined ? [join(REPO_ROOT, '../shared/data/meetings'), join(REPO_ROOT, 'samples/meetings')] : [explicit];
  const found = candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.vtt')));
  if (found === undefined) throw new Error(`no meeting corpus (*.vtt) in ${candidates.join(' or ')}`);
  return found;
}

export const meetingIdsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.vtt'))
    .map((f) => f.slice(0, -'.vtt'.length))
    .sort();
