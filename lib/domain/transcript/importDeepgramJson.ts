import { z } from 'zod';
import type { CueLine } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';

// The parts of Deepgram's pre-recorded response we read (results.utterances when the request
// asked for utterances, else the diarised words of the first channel's best alternative).
const DeepgramWord = z.object({
  word: z.string(),
  punctuated_word: z.string().optional(),
  start: z.number(),
  end: z.number(),
  confidence: z.number().optional(),
  speaker: z.number().int().optional(),
});
const DeepgramUtterance = z.object({
  start: z.number(),
  end: z.number(),
  transcript: z.string(),
  confidence: z.number().optional(),
  speaker: z.number().int().optional(),
  words: z.array(DeepgramWord).optional(),
});
export const DeepgramResponseSchema = z.object({
  metadata: z.object({ duration: z.number().optional() }).passthrough().optional(),
  results: z.object({
    channels: z
      .array(
        z.object({
          detected_language: z.string().optional(),
          alternatives: z.array(z.object({ transcript: z.string(), words: z.array(DeepgramWord).optional() })),
        }),
      )
      .min(1),
    utterances: z.array(DeepgramUtterance).optional(),
  }),
});
export type DeepgramResponse = z.infer<typeof DeepgramResponseSchema>;

export interface DeepgramLines {
  lines: CueLine[];
  language: string | null;
  durationMs: number | null;
}

const speakerName = (speaker: number | undefined): string => `Speaker ${speaker ?? 0}`;
const ms = (seconds: number): number => Math.round(seconds * 1000);

/** Maps a Deepgram pre-recorded response (already parsed JSON) to timed lines with words. */
export function linesFromDeepgram(json: unknown): DeepgramLines {
  const parsed = DeepgramResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidTranscriptError(`not a Deepgram transcript: ${z.prettifyError(parsed.error)}`);
  }
  const { results, metadata } = parsed.data;
  const channel = results.channels[0];
  const toWord = (w: z.infer<typeof DeepgramWord>) => ({
    text: w.punctuated_word ?? w.word,
    startMs: ms(w.start),
    endMs: ms(w.end),
    confidence: w.confidence ?? null,
  });

  const utterances =
    results.utterances ?? groupWordsBySpeaker(channel?.alternatives[0]?.words ?? []);
  return {
    language: channel?.detected_language ?? null,
    durationMs: metadata?.duration === undefined ? null : ms(metadata.duration),
    lines: utterances.map((u) => ({
      speakerName: speakerName(u.speaker),
      startMs: ms(u.start),
      endMs: ms(u.end),
      text: u.transcript,
      confidence: u.confidence ?? null,
      words: (u.words ?? []).map(toWord),
    })),
  };
}

/** Without `utterances=true` Deepgram returns only words; a speaker change starts a new line. */
function groupWordsBySpeaker(words: z.infer<typeof DeepgramWord>[]): z.infer<typeof DeepgramUtterance>[] {
  const groups: z.infer<typeof DeepgramUtterance>[] = [];
  for (const word of words) {
    const last = groups.at(-1);
    if (last !== undefined && last.speaker === word.speaker) {
      last.end = word.end;
      last.transcript += ` ${word.punctuated_word ?? word.word}`;
      last.words?.push(word);
    } else {
      groups.push({ start: word.start, end: word.end, transcript: word.punctuated_word ?? word.word, speaker: word.speaker, words: [word] });
    }
  }
  return groups;
}
