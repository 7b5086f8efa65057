import type { Transcript } from '../transcript/schema.js';
import { cleanDisfluencies } from './text/cleanDisfluencies.js';
import { contentTerms } from './text/contentTerms.js';
import { splitSentences } from './text/splitSentences.js';

/** One sentence of one speaker, in the forms the engine needs. */
export interface TranscriptSentence {
  /** As transcribed. */
  raw: string;
  /** Without fillers and stutters: what a reader sees. */
  clean: string;
  /** Stemmed content words: what the engine compares. */
  terms: string[];
  /** The utterance the sentence starts in. */
  utteranceId: string;
  /** Every utterance the sentence runs across: more than one when a transcriber cut it at a pause. */
  utteranceIds: string[];
  utteranceIndex: number;
  speakerId: string;
  startMs: number;
}

const isFinished = (sentence: string): boolean => /[.!?]["')\]]*$/.test(sentence);
// A transcript without punctuation never finishes a sentence: past this many words, stop carrying.
const MAX_CARRIED_WORDS = 60;
const wordCount = (text: string): number => text.split(/\s+/).length;

/**
 * Every sentence of a transcript in spoken order; turns that are only filler yield none. A
 * transcriber that cuts utterances at pauses (Deepgram's utt_split) leaves a sentence's start at
 * the end of one utterance and its end in the next: an unfinished sentence is carried into the
 * speaker's next utterance when nobody spoke in between.
 */
export function transcriptSentences(transcript: Transcript): TranscriptSentence[] {
  const sentences: TranscriptSentence[] = [];
  const push = (raw: string, start: Omit<TranscriptSentence, 'raw' | 'clean' | 'terms'>): void => {
    const clean = cleanDisfluencies(raw);
    if (clean.length > 0) sentences.push({ raw, clean, terms: contentTerms(raw), ...start });
  };
  let carried: { raw: string; start: Omit<TranscriptSentence, 'raw' | 'clean' | 'terms'> } | null = null;
  transcript.utterances.forEach((utterance, utteranceIndex) => {
    if (carried !== null && carried.start.speakerId !== utterance.speakerId) {
      push(carried.raw, carried.start);
      carried = null;
    }
    const parts = splitSentences(utterance.text);
    parts.forEach((part, i) => {
      let raw = part;
      let start: Omit<TranscriptSentence, 'raw' | 'clean' | 'terms'> = {
        utteranceId: utterance.id,
        utteranceIds: [utterance.id],
        utteranceIndex,
        speakerId: utterance.speakerId,
        startMs: utterance.startMs,
      };
      if (i === 0 && carried !== null) {
        raw = `${carried.raw} ${part}`;
        start = { ...carried.start, utteranceIds: [...carried.start.utteranceIds, utterance.id] };
        carried = null;
      }
      if (i === parts.length - 1 && !isFinished(raw) && wordCount(raw) < MAX_CARRIED_WORDS) carried = { raw, start };
      else push(raw, start);
    });
  });
  const last = carried as { raw: string; start: Omit<TranscriptSentence, 'raw' | 'clean' | 'terms'> } | null;
  if (last !== null) push(last.raw, last.start);
  return sentences;
}
