import type { PiiKind } from '../meetings/schema.js';
import type { Transcript } from './schema.js';

// Digits may be grouped by spaces or dashes, as speech-to-text writes spoken numbers.
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
const SSN = /\b\d{3}[ -]\d{2}[ -]\d{4}\b/g;
const ACCOUNT = /\b\d{8,17}\b/g;

/** Luhn's check: what separates a card number from any other long number. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const RULES: Record<PiiKind, (text: string) => string> = {
  card_numbers: (text) =>
    text.replace(CARD, (match) => {
      const digits = match.replace(/\D/g, '');
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? '[card number]' : match;
    }),
  ssn: (text) => text.replace(SSN, '[SSN]'),
  account_numbers: (text) => text.replace(ACCOUNT, '[account number]'),
};

/**
 * Removes the tenant's PII kinds from every utterance and word. The speech-to-text provider
 * redacts first where it can; this pass also covers imported transcripts and whatever a
 * provider missed, before the text reaches a language model or the index.
 */
export function redactPii(transcript: Transcript, kinds: readonly PiiKind[]): Transcript {
  if (kinds.length === 0) return transcript;
  // Cards before accounts: a card number is also a long digit run.
  const order: PiiKind[] = ['card_numbers', 'ssn', 'account_numbers'];
  const redact = (text: string) => order.filter((kind) => kinds.includes(kind)).reduce((acc, kind) => RULES[kind](acc), text);
  return {
    ...transcript,
    utterances: transcript.utterances.map((u) => {
      const text = redact(u.text);
      // Words are only kept when their utterance was untouched: a number spans several words.
      return { ...u, text, words: text === u.text ? u.words : u.words.map((w) => ({ ...w, text: /\d/.test(w.text) ? '[redacted]' : w.text })) };
    }),
  };
}
