import { z } from 'zod';

export const TranslationAnswerSchema = z.object({ segments: z.array(z.object({ id: z.string(), text: z.string() })) });
export type TranslationAnswer = z.infer<typeof TranslationAnswerSchema>;

export const TRANSLATION_SCHEMA_NAME = 'translation';

/** Every id asked for must come back exactly once, and nothing else: each line maps to one source line. */
export function idProblems(expected: readonly string[], answer: TranslationAnswer): string[] {
  const wanted = new Set(expected);
  const seen = new Map<string, number>();
  for (const segment of answer.segments) seen.set(segment.id, (seen.get(segment.id) ?? 0) + 1);
  const problems: string[] = [];
  const missing = expected.filter((id) => !seen.has(id));
  const repeated = [...seen].filter(([id, count]) => wanted.has(id) && count > 1).map(([id]) => id);
  const unknown = [...seen.keys()].filter((id) => !wanted.has(id));
  if (missing.length > 0) problems.push(`missing ids: ${missing.join(', ')}`);
  if (repeated.length > 0) problems.push(`ids given more than once: ${repeated.join(', ')}`);
  if (unknown.length > 0) problems.push(`ids not in the input: ${unknown.slice(0, 10).join(', ')}`);
  return problems;
}
