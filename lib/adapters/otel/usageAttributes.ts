import type { Attributes } from '@opentelemetry/api';
import { priceUsage, type PriceTable } from '../../domain/usage/priceTable.js';
import type { UsageLine } from '../../domain/usage/usageMeter.js';
import type { TelemetryInstruments } from './Telemetry.js';
import { ATTR } from './telemetryNames.js';

const TOKEN_ATTRIBUTE = { input_tokens: ATTR.inputTokens, output_tokens: ATTR.outputTokens, embedding_tokens: ATTR.embeddingTokens } as const;

/** Tokens, audio minutes and estimated cost of what a span's work metered, as span attributes. */
export function usageAttributes(usage: readonly UsageLine[], prices: PriceTable): Attributes {
  if (usage.length === 0) return {};
  const attributes: Record<string, number> = {};
  const add = (key: string, quantity: number) => (attributes[key] = (attributes[key] ?? 0) + quantity);
  for (const line of usage) {
    if (line.unit === 'audio_minutes') add(ATTR.audioMinutes, line.quantity);
    else if (line.unit !== 'requests') add(TOKEN_ATTRIBUTE[line.unit], line.quantity);
  }
  return { ...attributes, [ATTR.costUsd]: priceUsage(usage, prices).estimated };
}

/** Counts each usage line once into the token, audio and cost counters. */
export function countUsage(instruments: TelemetryInstruments, line: UsageLine, prices: PriceTable, attributes: Attributes): void {
  const labelled = { ...attributes, [ATTR.provider]: line.provider, [ATTR.model]: line.model };
  if (line.unit === 'audio_minutes') instruments.audioMinutes.add(line.quantity, labelled);
  else if (line.unit !== 'requests') instruments.tokens.add(line.quantity, { ...labelled, [ATTR.tokenType]: line.unit.replace(/_tokens$/, '') });
  instruments.cost.add(priceUsage([line], prices).estimated, labelled);
}
