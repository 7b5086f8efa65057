import type { Utterance } from '../transcript/schema.js';
import { isFillerOnly } from './analyzeText.js';

export interface WindowOptions {
  /** A window closes once it holds this many words… */
  targetWords: number;
  /** …or this many utterances, whichever comes first. */
  maxUtterances: number;
  /** Trailing passages repeated at the start of the next window: at most this many… */
  overlapPassages: number;
  /** …and at most this many words, so a long monologue is not indexed twice. */
  overlapMaxWords: number;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = {
  targetWords: 80,
  maxUtterances: 6,
  overlapPassages: 2,
  overlapMaxWords: 40,
};

/** A stretch of one utterance: the whole of it, or a part of a long monologue. */
export interface Passage {
  utterance: Utterance;
  text: string;
  words: number;
  startMs: number;
  endMs: number;
}

/** Consecutive passages that become one transcript search document. */
export type TranscriptWindow = readonly Passage[];

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((word) => word.length > 0);

/**
 * Cuts utterances longer than about two windows into window-sized parts, with times interpolated
 * by word position (imports have no word timings). Parliamentary speeches run to 500 words; one
 * vector for all of them would match every question a little and none well.
 */
export function passagesOf(utterances: readonly Utterance[], targetWords: number): Passage[] {
  return utterances.flatMap((utterance): Passage[] => {
    const words = wordsOf(utterance.text);
    if (words.length <= targetWords * 1.5) {
      return [{ utterance, text: utterance.text, words: words.length, startMs: utterance.startMs, endMs: utterance.endMs }];
    }
    const parts = Math.round(words.length / targetWords);
    const msPerWord = (utterance.endMs - utterance.startMs) / words.length;
    return Array.from({ length: parts }, (_, part) => {
      const from = Math.round((part * words.length) / parts);
      const to = Math.round(((part + 1) * words.length) / parts);
      return {
        utterance,
        text: words.slice(from, to).join(' '),
        words: to - from,
        startMs: Math.round(utterance.startMs + from * msPerWord),
        endMs: Math.round(utterance.startMs + to * msPerWord),
      };
    });
  });
}

/**
 * Groups the passages that say something into overlapping windows. Turns of nothing but fillers
 * ("Okay." "Mm-hmm.") are left out: a third of meeting turns are backchannels, and kept they
 * would use up a window's utterances, dilute its vector with speaker names and clutter snippets.
 */
export function transcriptWindows(utterances: readonly Utterance[], options: WindowOptions = DEFAULT_WINDOW_OPTIONS): TranscriptWindow[] {
  const passages = passagesOf(utterances, options.targetWords).filter((passage) => !isFillerOnly(passage.text));
  const windows: TranscriptWindow[] = [];
  let start = 0;
  while (start < passages.length) {
    const end = windowEnd(passages, start, options);
    windows.push(passages.slice(start, end));
    if (end >= passages.length) break;
    start = Math.max(start + 1, end - overlapCount(passages.slice(start, end), options));
  }
  return windows;
}

/** Exclusive end of the window that starts at `start`. */
function windowEnd(passages: readonly Passage[], start: number, options: WindowOptions): number {
  let words = 0;
  const utteranceIds = new Set<string>();
  let end = start;
  while (end < passages.length) {
    const passage = passages[end]!;
    utteranceIds.add(passage.utterance.id);
    if (utteranceIds.size > options.maxUtterances) break;
    words += passage.words;
    end += 1;
    if (words >= options.targetWords) break;
  }
  return end;
}

function overlapCount(window: TranscriptWindow, options: WindowOptions): number {
  let count = 0;
  let words = 0;
  // Never the whole window: the next one must move forward.
  while (count < Math.min(options.overlapPassages, window.length - 1)) {
    const passage = window[window.length - 1 - count]!;
    if (words + passage.words > options.overlapMaxWords) break;
    words += passage.words;
    count += 1;
  }
  return count;
}
