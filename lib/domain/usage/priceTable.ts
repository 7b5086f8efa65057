import { z } from 'zod';
import { UsageLineSchema, type UsageLine } from './usageMeter.js';

export const PriceSchema = z.object({
  provider: z.string(),
  /** A model name, or "*" for any model of the provider. */
  model: z.string(),
  unit: UsageLineSchema.shape.unit,
  usdPerUnit: z.number().nonnegative(),
});
export const PriceTableSchema = z.array(PriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

/**
 * List prices as published by the providers for pay-as-you-go use (checked 2026-11); an
 * estimate only — set AFTERCALL_PRICES to your contract's prices.
 */
export const DEFAULT_PRICES: PriceTable = [
  { provider: 'deepgram', model: 'nova-3', unit: 'audio_minutes', usdPerUnit: 0.0043 },
  { provider: 'deepgram', model: '*', unit: 'audio_minutes', usdPerUnit: 0.0043 },
  { provider: 'openai', model: 'gpt-4o-mini', unit: 'input_tokens', usdPerUnit: 0.15 / 1e6 },
  { provider: 'openai', model: 'gpt-4o-mini', unit: 'output_tokens', usdPerUnit: 0.6 / 1e6 },
  { provider: 'openai', model: 'gpt-4o', unit: 'input_tokens', usdPerUnit: 2.5 / 1e6 },
  { provider: 'openai', model: 'gpt-4o', unit: 'output_tokens', usdPerUnit: 10 / 1e6 },
  { provider: 'openai', model: 'text-embedding-3-small', unit: 'embedding_tokens', usdPerUnit: 0.02 / 1e6 },
  { provider: 'openai', model: 'text-embedding-3-large', unit: 'embedding_tokens', usdPerUnit: 0.13 / 1e6 },
  { provider: 'openai', model: 'gpt-4o-transcribe', unit: 'audio_minutes', usdPerUnit: 0.006 },
  { provider: 'openai', model: 'gpt-4o-transcribe-diarize', unit: 'audio_minutes', usdPerUnit: 0.006 },
  { provider: 'openai', model: 'whisper-1', unit: 'audio_minutes', usdPerUnit: 0.006 },
];

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  usd: number;
}

/** Prices usage lines, summed per provider, model and unit; usage with no price is listed at 0 and named. */
export function priceUsage(usage: readonly UsageLine[], prices: PriceTable): { estimated: number; lines: CostLine[]; unpriced: string[] } {
  const totals = new Map<string, UsageLine>();
  for (const line of usage) {
    const key = `${line.provider}|${line.model}|${line.unit}`;
    const total = totals.get(key);
    totals.set(key, total === undefined ? { ...line } : { ...total, quantity: total.quantity + line.quantity });
  }
  const lines: CostLine[] = [];
  const unpriced: string[] = [];
  for (const total of totals.values()) {
    const price =
      prices.find((p) => p.provider === total.provider && p.model === total.model && p.unit === total.unit) ??
      prices.find((p) => p.provider === total.provider && p.model === '*' && p.unit === total.unit);
    const item = `${total.provider} ${total.model}`;
    if (price === undefined) unpriced.push(`${item} ${total.unit}`);
    lines.push({ item, quantity: total.quantity, unit: total.unit, usd: (price?.usdPerUnit ?? 0) * total.quantity });
  }
  return { estimated: lines.reduce((sum, line) => sum + line.usd, 0), lines, unpriced };
}
