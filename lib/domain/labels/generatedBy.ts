import { z } from 'zod';

/** What a person reads beside anything a model or algorithm produced (EU AI Act Art. 50 transparency). */
export const AI_LABEL_TEXT = 'AI-generated — may be inaccurate';

/**
 * Who produced a result: the engine ("openai", "aftercall-extractive", "deepgram"), its model,
 * and a version (the engine's own, else the aftercall release that ran it; null when unknown).
 * `aiGenerated` is false only for a transcript imported from a file beside the recording, which
 * may have been written by a person.
 */
export const GeneratedBySchema = z.object({
  engine: z.string().min(1),
  model: z.string().min(1),
  version: z.string().nullable(),
  aiGenerated: z.boolean(),
});
export type GeneratedBy = z.infer<typeof GeneratedBySchema>;

export const UNKNOWN_GENERATOR: GeneratedBy = { engine: 'unknown', model: 'unknown', version: null, aiGenerated: true };

/**
 * Reads the engine names results have always carried — `openai:gpt-4o-mini`,
 * `aftercall-extractive@1`, a transcript's `deepgram:nova-3` or `import:vtt` — so results written
 * before `generatedBy` existed are labelled too. `release` is the aftercall version that wrote them.
 */
export function generatedByOfEngine(engine: string | null | undefined, release: string | null): GeneratedBy {
  if (engine === null || engine === undefined || engine.trim() === '') return { ...UNKNOWN_GENERATOR, version: release };
  const [name = engine, model = name] = engine.split(':', 2);
  const at = name.lastIndexOf('@');
  if (at > 0) {
    const bare = name.slice(0, at);
    return { engine: bare, model: model === name ? bare : model, version: name.slice(at + 1), aiGenerated: true };
  }
  return { engine: name, model, version: release, aiGenerated: name !== 'import' };
}

/** A result's own `generatedBy`, else one read from its engine name. */
export const generatedByOf = (result: { engine?: string; generatedBy?: GeneratedBy | undefined } | null, release: string | null): GeneratedBy | null =>
  result === null ? null : (result.generatedBy ?? generatedByOfEngine(result.engine, release));
