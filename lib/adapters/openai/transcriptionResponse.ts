import { z } from 'zod';
import type { CueLine } from '../../domain/transcript/cueLines.js';
import { languageCode } from './languageCode.js';

// The two answers of POST /audio/transcriptions we read (openai-node 6 types, API reference):
// `diarized_json` (gpt-4o-transcribe-diarize): segments with a speaker label ("A", "B"… or a
// known speaker's name); `verbose_json` (whisper-1 and OpenAI-compatible Whisper servers):
// timed segments without speakers.
const Usage = z.union([
  z.object({ type: z.literal('duration'), seconds: z.number().nonnegative() }),
  z.object({ type: z.literal('tokens') }).loose(),
]);

export const DiarizedResponseSchema = z.object({
  duration: z.number().nonnegative(),
  text: z.string(),
  segments: z.array(z.object({ speaker: z.string(), start: z.number().nonnegative(), end: z.number().nonnegative(), text: z.string() })),
  usage: Usage.optional(),
});

export const VerboseResponseSchema = z.object({
  duration: z.number().nonnegative(),
  language: z.string().optional(),
  text: z.string(),
  segments: z.array(z.object({ start: z.number().nonnegative(), end: z.number().nonnegative(), text: z.string() })).optional(),
  usage: Usage.optional(),
});

export interface TranscriptionLines {
  lines: CueLine[];
  durationMs: number;
  language: string | null;
  /** What is billed: the usage's seconds when given, else the audio's duration. */
  audioSeconds: number;
}

const ms = (seconds: number): number => Math.round(seconds * 1000);
// "A" alone reads badly in a speaker list; a known speaker's name stays as it is.
const speakerName = (label: string): string => (/^[A-Z]$/.test(label) ? `Speaker ${label}` : label);
const billedSeconds = (usage: z.infer<typeof Usage> | undefined, duration: number): number =>
  usage?.type === 'duration' ? usage.seconds : duration;

export function linesFromDiarized(response: z.infer<typeof DiarizedResponseSchema>, language: string | null): TranscriptionLines {
  return {
    lines: response.segments.map((s) => ({ speakerName: speakerName(s.speaker), startMs: ms(s.start), endMs: ms(s.end), text: s.text })),
    durationMs: ms(response.duration),
    language,
    audioSeconds: billedSeconds(response.usage, response.duration),
  };
}

/** Whisper does not diarise: every line is one speaker, and the text says so. */
export const SINGLE_SPEAKER = 'Speaker';

export function linesFromVerbose(response: z.infer<typeof VerboseResponseSchema>, language: string | null): TranscriptionLines {
  const segments = response.segments ?? [{ start: 0, end: response.duration, text: response.text }];
  return {
    lines: segments.map((s) => ({ speakerName: SINGLE_SPEAKER, startMs: ms(s.start), endMs: ms(s.end), text: s.text })),
    durationMs: ms(response.duration),
    language: language ?? languageCode(response.language),
    audioSeconds: billedSeconds(response.usage, response.duration),
  };
}
