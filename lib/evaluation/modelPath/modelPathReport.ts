import { createOpenAiClient, DEFAULT_OPENAI_BASE_URL } from '../../adapters/openai/createOpenAiClient.js';
import { OpenAiUnderstander } from '../../adapters/openai/OpenAiUnderstander.js';
import type { Config } from '../../config/config.js';
import { ExtractiveUnderstander } from '../../domain/understanding/ExtractiveUnderstander.js';
import { labelsDirBeside } from '../notes/evaluateNotes.js';
import { evaluateModelPath, type ModelPathEvaluation } from './evaluateModelPath.js';
import { formatModelPathEvaluation } from './formatModelPathEvaluation.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Meetings the model path is scored on by default: each one costs model calls. */
export const DEFAULT_MODEL_MEETINGS = 4;

export interface ModelPathReportOptions {
  dataDir: string;
  /** The meetings of the run (ids with `<id>.vtt` and `<id>.truth.json` in dataDir). */
  ids: readonly string[];
  meetingDate: Date;
  /** The loaded configuration's OpenAI settings (loadConfig: OPENAI_MODEL's default comes from the schema). */
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;
  maxMeetings?: number;
}

/**
 * `npm run eval`'s model-path table: with OPENAI_API_KEY (or OPENAI_BASE_URL, for an
 * OpenAI-compatible server) the model understands the first `maxMeetings` meetings, labelled ones
 * first, and is scored beside the offline engine on the same meetings; without, one line saying how.
 */
export async function modelPathReport(options: ModelPathReportOptions): Promise<{ text: string; evaluation: ModelPathEvaluation | null }> {
  const { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseURL } = options.config;
  const count = options.maxMeetings ?? DEFAULT_MODEL_MEETINGS;
  if (apiKey === undefined && baseURL === undefined) {
    return { text: `Model path: not scored (set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server, to score it on ${count} meetings; --model-meetings N to change).`, evaluation: null };
  }
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`--model-meetings must be a positive integer, got ${count}`);
  const labelsDir = labelsDirBeside(options.dataDir);
  const labelled = new Set(labelsDir === null ? [] : readdirSync(labelsDir).filter((n) => n.endsWith('.labels.json')).map((n) => n.slice(0, -'.labels.json'.length)));
  const present = options.ids.filter((id) => existsSync(join(options.dataDir, `${id}.vtt`)));
  const chosen = [...present.filter((id) => labelled.has(id)), ...present.filter((id) => !labelled.has(id))].slice(0, count);

  // A self-hosted server may want no key; the SDK needs some string.
  const client = createOpenAiClient({ apiKey: apiKey ?? 'unused', ...(baseURL === undefined ? {} : { baseURL }) });
  const model = new OpenAiUnderstander({ client, model: options.config.OPENAI_MODEL });
  const evaluation = await evaluateModelPath({ dataDir: options.dataDir, labelsDir, ids: chosen, offline: new ExtractiveUnderstander(), model, meetingDate: options.meetingDate });
  const heading = `Model path (${model.name} at ${baseURL ?? DEFAULT_OPENAI_BASE_URL}) beside the offline engine on the same ${chosen.length} meetings (capped by --model-meetings, default ${DEFAULT_MODEL_MEETINGS}, to bound cost; labelled meetings first)`;
  return { text: formatModelPathEvaluation(evaluation, heading), evaluation };
}
