import type { Transcript } from '../transcript/schema.js';
import { cleanDisfluencies } from './text/cleanDisfluencies.js';
import { contentTerms } from './text/contentTerms.js';
import { splitSentences } from './text/splitSentences.js';

/** One sentence of one speaker turn, in the forms the engine needs. */
export interface TranscriptSentence {
  /** As transcribed. */
  raw: string;
  /** Without fillers and stutters: what a reader sees. */
  clean: string;
  /** Stemmed content words: what the engine compares. */
  terms: string[];
  utteranceId: string;
  utteranceIndex: number;
  speakerId: string;
  startMs: number;
}

/** Every sentence of a transcript in spoken order; turns that are only filler yield none. */
export function transcriptSentences(transcript: Transcript): TranscriptSentence[] {
  const sentences: TranscriptSentence[] = [];
  transcript.utterances.forEach((utterance, utteranceIndex) => {
    for (const raw of splitSentences(utterance.text)) {
      const clean = cleanDisfluencies(raw);
      if (clean.length === 0) continue;
      sentences.push({
        raw,
        clean,
        terms: contentTerms(raw),
        utteranceId: utterance.id,
        utteranceIndex,
        speakerId: utterance.speakerId,
        startMs: utterance.startMs,
      });
    }
  });
  return sentences;
}
