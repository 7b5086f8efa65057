import type { Turn } from './transcriptBuilder.js';

export const BATTERY_WORDS = ['battery', 'solar', 'kinetic', 'charger', 'energy', 'voltage', 'lithium', 'dynamo', 'recharge', 'cells'];
export const MARKETING_WORDS = ['advert', 'customers', 'survey', 'brand', 'sales', 'campaign', 'poster', 'television', 'slogan', 'retailers'];
export const CURRICULUM_WORDS = ['curriculum', 'teachers', 'pupils', 'schools', 'inspection', 'literacy', 'numeracy', 'classroom', 'lessons', 'exams'];

/**
 * `count` turns about one topic: each sentence draws three words of the topic's vocabulary in a
 * fixed, varied order, so that no two turns are the same but all share the topic's words.
 */
export function topicTurns(words: readonly string[], count: number, durationMs: number, offset = 0): Turn[] {
  const speakers = ['Alice', 'Bob', 'Carol'];
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const pick = (step: number, shift: number): string => words[(n * step + shift) % words.length] ?? '';
    return {
      speaker: speakers[n % speakers.length] ?? 'Alice',
      text: `Um, the ${pick(1, 0)} matters for the ${pick(3, 1)} and the ${pick(7, 2)}, yeah.`,
      durationMs,
    };
  });
}
