import pMap from 'p-map';
import { z } from 'zod';
import { ProviderUnavailableError } from '../../errors.js';
import { LanguageCode, MeetingContextSchema } from '../../meeting/schema.js';
import { resultFiles, resultKey } from '../../meeting/resultKeys.js';
import { renderVtt } from '../../transcript/renderSubtitles.js';
import { TranscriptSchema } from '../../transcript/schema.js';
import { TRANSLATION_SCHEMA_VERSION, type Translation } from '../../transcript/translationSchema.js';
import { getJson, putJson } from '../jsonResults.js';
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

// Small enough that one bad batch costs little to redo, large enough to give the model context.
const BATCH_SIZE = 40;
const BATCH_CONCURRENCY = 8;

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
      const batches = [];
      for (let i = 0; i < transcript.utterances.length; i += BATCH_SIZE) {
        batches.push(transcript.utterances.slice(i, i + BATCH_SIZE).map((u) => ({ id: u.id, text: u.text })));
      }
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
