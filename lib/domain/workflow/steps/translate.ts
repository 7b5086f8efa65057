import { AFTERCALL_VERSION } from '../../../version.js';
import { generatedByOfEngine } from '../../labels/generatedBy.js';
import pMap from 'p-map';
import { z } from 'zod';
import { ProviderUnavailableError } from '../../errors.js';
import { LanguageCode, MeetingContextSchema } from '../../meetings/schema.js';
import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { renderVtt } from '../../transcript/renderSubtitles.js';
import { TranscriptSchema } from '../../transcript/schema.js';
import { TRANSLATION_SCHEMA_VERSION, type Translation } from '../../transcript/translationSchema.js';
import { getJson, putJson } from '../../jsonBlobs.js';
import type { StepDeps } from '../StepDeps.js';
import { Skipped, trackStep } from '../stepStatus.js';

export const TranslateInputSchema = z.object({ meeting: MeetingContextSchema, language: LanguageCode });
export type TranslateInput = z.infer<typeof TranslateInputSchema>;

export interface TranslateResult {
  language: string;
  state: 'succeeded' | 'skipped';
  reason: string | null;
  keys: string[];
}

// Small enough that one bad batch costs little to redo and a call's answer comes back in seconds
// (~600 tokens of text), large enough to give the model context.
const BATCH_SIZE = 40;
const BATCH_CHARS = 2400;
// An hour of speech is ~12k output tokens: generated one batch after another at ~60 tokens/s that is
// minutes; in parallel it is the time of one batch. 24 calls of ~1k tokens sit far inside a tier-1
// rate limit, and a 429 is a ProviderUnavailableError the Map retries.
const BATCH_CONCURRENCY = 24;

/** One language of the translation Map. Without a provider it is skipped with the reason, never faked. */
export async function translate(deps: StepDeps, { meeting, language }: TranslateInput): Promise<TranslateResult> {
  return trackStep(
    deps,
    meeting,
    'translate',
    async () => {
      if (deps.translator === null) {
        const reason = `no translation provider is configured: set OPENAI_API_KEY to translate into "${language}"`;
        return new Skipped<TranslateResult>(reason, { language, state: 'skipped', reason, keys: [] });
      }
      const transcript = await getJson(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.transcriptJson), TranscriptSchema);
      const translated = new Map<string, string>();
      const batches = batchesOf(transcript.utterances.map((u) => ({ id: u.id, text: u.text })));
      const translator = deps.translator;
      await pMap(
        batches,
        async (segments) => {
          const lines = await translator.translate({ language, segments });
          const expected = new Set(segments.map((s) => s.id));
          for (const line of lines) if (expected.has(line.id)) translated.set(line.id, line.text);
          const lost = segments.filter((s) => !translated.has(s.id));
          if (lost.length > 0) {
            throw new ProviderUnavailableError(`translation into ${language} lost ${lost.length} segment ids (first: ${lost[0]?.id})`);
          }
        },
        // Batches are independent: a long meeting translates in the time of a few calls, not of all of them.
        { concurrency: BATCH_CONCURRENCY },
      );
      const translation: Translation = {
        schemaVersion: TRANSLATION_SCHEMA_VERSION,
        meetingId: meeting.meetingId,
        language,
        sourceLanguage: transcript.language,
        engine: deps.translator.name,
        generatedBy: generatedByOfEngine(deps.translator.name, AFTERCALL_VERSION),
        utterances: transcript.utterances.map((u) => ({ id: u.id, text: translated.get(u.id) ?? u.text })),
      };
      const jsonKey = resultKey(meeting.resultPrefix, resultFiles.translationJson(language));
      const vttKey = resultKey(meeting.resultPrefix, resultFiles.translationVtt(language));
      await putJson(deps.blobs, jsonKey, translation);
      await deps.blobs.put(vttKey, renderVtt(transcript, translated), 'text/vtt; charset=utf-8');
      return { language, state: 'succeeded' as const, reason: null, keys: [jsonKey, vttKey] };
    },
    language,
  );
}

/** Consecutive segments, at most BATCH_SIZE of them or BATCH_CHARS of text a batch (a longer segment goes alone). */
function batchesOf(segments: { id: string; text: string }[]): { id: string; text: string }[][] {
  const batches: { id: string; text: string }[][] = [];
  let current: { id: string; text: string }[] = [];
  let chars = 0;
  for (const segment of segments) {
    if (current.length > 0 && (current.length >= BATCH_SIZE || chars + segment.text.length > BATCH_CHARS)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(segment);
    chars += segment.text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
