import { z } from 'zod';
import { transcriptFromCueLines, type CueLine } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';
import type { Transcript, TranscriptSource } from './schema.js';

// The parts of Deepgram's pre-recorded response we read (results.utterances when a saved
// response has them, else the diarised words of the first channel's best alternative, which is
// all the transcriber asks for).
// Times are seconds; confidences are 0..1, as the canonical transcript requires.
const Seconds = z.number().nonnegative();
const Confidence = z.number().min(0).max(1);
const DeepgramWord = z.object({
  word: z.string(),
  punctuated_word: z.string().optional(),
  start: Seconds,
  end: Seconds,
  confidence: Confidence.optional(),
  speaker: z.number().int().nonnegative().optional(),
  speaker_confidence: z.number().optional(),
});
const DeepgramUtterance = z.object({
  start: Seconds,
  end: Seconds,
  transcript: z.string(),
  confidence: Confidence.optional(),
  channel: z.number().int().optional(),
  speaker: z.number().int().nonnegative().optional(),
  id: z.string().optional(),
  words: z.array(DeepgramWord).optional(),
});
const DeepgramParagraphs = z.object({
  transcript: z.string(),
  paragraphs: z.array(
    z.object({
      sentences: z.array(z.object({ text: z.string(), start: Seconds, end: Seconds })),
      speaker: z.number().int().nonnegative().optional(),
      num_words: z.number().int().optional(),
      start: Seconds,
      end: Seconds,
    }),
  ),
});
const DeepgramMetadata = z
  .object({
    request_id: z.string().optional(),
    duration: Seconds.optional(),
    channels: z.number().int().optional(),
    models: z.array(z.string()).optional(),
    /** The `extra` key:value pairs of the request, echoed back (also in a callback's body). */
    extra: z.record(z.string(), z.string()).optional(),
  })
  .passthrough();

export const DeepgramResponseSchema = z.object({
  metadata: DeepgramMetadata.optional(),
  results: z.object({
    channels: z
      .array(
        z.object({
          detected_language: z.string().optional(),
          alternatives: z.array(
            z.object({
              transcript: z.string(),
              confidence: Confidence.optional(),
              words: z.array(DeepgramWord).optional(),
              paragraphs: DeepgramParagraphs.optional(),
            }),
          ),
        }),
      )
      .min(1),
    utterances: z.array(DeepgramUtterance).optional(),
  }),
});
export type DeepgramResponse = z.infer<typeof DeepgramResponseSchema>;

/** What `/v1/listen` answers (and posts to a callback URL): a saved file may lack metadata, the API never does. */
export const DeepgramListenResponseSchema = DeepgramResponseSchema.extend({
  metadata: DeepgramMetadata.extend({ request_id: z.string().min(1), duration: Seconds }),
});
export type DeepgramListenResponse = z.infer<typeof DeepgramListenResponseSchema>;

/** A line keeps Deepgram's speaker number, so speaker ids can follow it. */
export type DeepgramLine = CueLine & { speaker: number };

export interface DeepgramLines {
  lines: DeepgramLine[];
  language: string | null;
  durationMs: number | null;
}

const speakerName = (speaker: number): string => `Speaker ${speaker}`;
const ms = (seconds: number): number => Math.round(seconds * 1000);

function parseOrThrow<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidTranscriptError(`${what}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Maps a Deepgram pre-recorded response (already parsed JSON) to timed lines with words. */
export function linesFromDeepgram(json: unknown, key: string): DeepgramLines {
  return linesFromResponse(parseOrThrow(DeepgramResponseSchema, json, `transcript ${key} is not a Deepgram transcript`));
}

/** Validates what the API answered; throws InvalidTranscriptError when it is not the documented shape. */
export function parseDeepgramListenResponse(json: unknown): DeepgramListenResponse {
  return parseOrThrow(DeepgramListenResponseSchema, json, 'Deepgram answered with something that is not a transcription');
}

/**
 * The canonical transcript of a Deepgram response. Speakers keep Deepgram's numbers
 * (id `spk_<n>`, name "Speaker <n>"), so the synchronous and the callback path, or a re-run,
 * name the same voice the same way. `language` is the one requested, used when none was detected.
 */
export function transcriptFromDeepgramResponse(
  response: DeepgramResponse,
  meta: { meetingId: string; source: TranscriptSource; language?: string | null },
): Transcript {
  const { lines, language, durationMs } = linesFromResponse(response);
  const transcript = transcriptFromCueLines(lines, { meetingId: meta.meetingId, source: meta.source, language: language ?? meta.language ?? null, durationMs });
  return withDeepgramSpeakerIds(transcript, lines);
}

function linesFromResponse({ results, metadata }: DeepgramResponse): DeepgramLines {
  const channel = results.channels[0];
  const toWord = (w: z.infer<typeof DeepgramWord>) => ({
    text: w.punctuated_word ?? w.word,
    startMs: ms(w.start),
    endMs: ms(w.end),
    confidence: w.confidence ?? null,
  });

  const utterances = results.utterances ?? groupWordsBySpeaker(channel?.alternatives[0]?.words ?? []);
  return {
    language: channel?.detected_language ?? null,
    durationMs: metadata?.duration === undefined ? null : ms(metadata.duration),
    lines: utterances.map((u) => ({
      // Without diarisation Deepgram names no speaker: everything is one voice.
      speaker: u.speaker ?? 0,
      speakerName: speakerName(u.speaker ?? 0),
      startMs: ms(u.start),
      endMs: ms(u.end),
      text: u.transcript,
      confidence: u.confidence ?? null,
      words: (u.words ?? []).map(toWord),
    })),
  };
}

/** transcriptFromCueLines numbers speakers by first appearance; Deepgram's own numbers are steadier. */
function withDeepgramSpeakerIds(transcript: Transcript, lines: readonly DeepgramLine[]): Transcript {
  const numberByName = new Map(lines.map((line) => [line.speakerName, line.speaker]));
  const newIdByOldId = new Map<string, string>();
  const speakers = transcript.speakers
    .map((speaker) => ({ speaker, number: numberByName.get(speaker.name) ?? 0 }))
    .sort((a, b) => a.number - b.number)
    .map(({ speaker, number }) => {
      const id = `spk_${number}`;
      newIdByOldId.set(speaker.id, id);
      return { ...speaker, id };
    });
  return {
    ...transcript,
    speakers,
    utterances: transcript.utterances.map((u) => ({ ...u, speakerId: newIdByOldId.get(u.speakerId) ?? u.speakerId })),
  };
}

/**
 * Deepgram's own utterance boundary (`utt_split`, default 0.8 s of silence between words,
 * https://developers.deepgram.com/docs/utterance-split): lines derived from words end there too.
 */
export const UTTERANCE_SPLIT_SECONDS = 0.8;

/**
 * Without `utterances=true` Deepgram returns only words: a line ends where the speaker changes
 * or after a pause of UTTERANCE_SPLIT_SECONDS, as Deepgram's utterances do. Asking for words
 * alone halves the response (see docs/operations.md, "Long recordings on AWS").
 */
function groupWordsBySpeaker(words: z.infer<typeof DeepgramWord>[]): z.infer<typeof DeepgramUtterance>[] {
  const groups: z.infer<typeof DeepgramUtterance>[] = [];
  for (const word of words) {
    const last = groups.at(-1);
    if (last !== undefined && last.speaker === word.speaker && word.start - last.end < UTTERANCE_SPLIT_SECONDS) {
      last.end = word.end;
      last.transcript += ` ${word.punctuated_word ?? word.word}`;
      last.words?.push(word);
    } else {
      groups.push({ start: word.start, end: word.end, transcript: word.punctuated_word ?? word.word, speaker: word.speaker, words: [word] });
    }
  }
  return groups.map((group) => ({ ...group, confidence: meanConfidence(group.words ?? []) }));
}

/** A line's confidence, as Deepgram gives an utterance's: the mean of its words'. */
function meanConfidence(words: readonly z.infer<typeof DeepgramWord>[]): number | undefined {
  const known = words.flatMap((word) => (word.confidence === undefined ? [] : [word.confidence]));
  return known.length === 0 ? undefined : known.reduce((sum, value) => sum + value, 0) / known.length;
}
