import { resultFiles } from '../../meeting/resultKeys.js';
import type { MeetingContext, ResumeFrom } from '../../meeting/schema.js';
import type { BlobStore } from '../../ports/BlobStore.js';

const ORDER: readonly ResumeFrom[] = ['transcribe', 'translate', 'understand', 'index', 'publish'];

/** Files each step writes, relative to the result prefix (prefix-matched when they end in "/"). */
const OUTPUTS: Record<ResumeFrom, readonly string[]> = {
  transcribe: [resultFiles.transcriptJson, resultFiles.transcriptVtt, resultFiles.transcriptSrt],
  translate: ['translations/'],
  understand: [resultFiles.summary, resultFiles.actionItems, resultFiles.chapters],
  index: [],
  publish: [resultFiles.manifest],
};

/** The steps a run performs: from resumeFrom on, except that understanding again keeps the translations. */
export function stepsRun(resumeFrom: ResumeFrom): ResumeFrom[] {
  return ORDER.slice(ORDER.indexOf(resumeFrom)).filter((step) => !(resumeFrom === 'understand' && step === 'translate'));
}

/**
 * What a run must remove before it starts: the manifest (so no reader takes the meeting for
 * done while it is redone) and the results and statuses of every step it will redo.
 */
export async function keysToClearBeforeRun(blobs: BlobStore, meeting: MeetingContext): Promise<string[]> {
  const existing = await blobs.list(meeting.resultPrefix);
  const rerun = stepsRun(meeting.resumeFrom);
  const relative = new Set<string>([resultFiles.manifest]);
  const prefixes = ['steps/intake'];
  for (const step of rerun) {
    for (const file of OUTPUTS[step]) {
      if (file.endsWith('/')) prefixes.push(file);
      else relative.add(file);
    }
    prefixes.push(`steps/${step}`);
  }
  return existing.filter((key) => {
    const rel = key.slice(meeting.resultPrefix.length);
    return relative.has(rel) || prefixes.some((prefix) => rel.startsWith(prefix));
  });
}
