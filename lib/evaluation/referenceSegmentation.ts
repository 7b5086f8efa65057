import type { MeetingTruth } from './meetingTruth.js';

/**
 * The reference chapter of each reference utterance. Utterances outside every chapter (gaps in
 * the reference) join the chapter before them, so the labels never decrease.
 */
export function referenceChapterOfUtterance(truth: MeetingTruth): number[] {
  const chapters = [...truth.chapters].sort((a, b) => a.startUtterance - b.startUtterance);
  const labels: number[] = [];
  let chapter = 0;
  for (let i = 0; i < truth.utterances.length; i++) {
    while (chapter + 1 < chapters.length && (chapters[chapter + 1]?.startUtterance ?? Infinity) <= i) chapter++;
    labels.push(chapter);
  }
  return labels;
}
