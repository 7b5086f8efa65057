import { z } from 'zod';

/**
 * Documented `redact` values (https://developers.deepgram.com/docs/redaction): the groups, and
 * the entity types a tenant is most likely to name. `numbers` covers card and account numbers
 * and SSNs as digit runs; `pci`/`pii` find them as entities (English only). Here, beside the
 * config, because DEEPGRAM_REDACT is checked against them at start.
 */
export const DEEPGRAM_REDACTIONS = [
  'pci',
  'pii',
  'phi',
  'numbers',
  'aggressive_numbers',
  'ssn',
  'account_number',
  'credit_card',
  'credit_card_expiration',
  'cvv',
  'email_address',
] as const;
export const DeepgramRedactionSchema = z.enum(DEEPGRAM_REDACTIONS);
export type DeepgramRedaction = z.infer<typeof DeepgramRedactionSchema>;
