import { describe, expect, it } from 'vitest';
import { redactPii } from '../../../lib/domain/transcript/redactPii.js';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';

const transcriptSaying = (...texts: string[]): Transcript => ({
  schemaVersion: 1,
  meetingId: 'm',
  language: 'en',
  durationMs: 1000,
  speakers: [{ id: 'spk_0', name: 'A' }],
  utterances: texts.map((text, i) => ({
    id: `u${i}`,
    speakerId: 'spk_0',
    startMs: i,
    endMs: i + 1,
    text,
    confidence: null,
    words: text.split(' ').map((w) => ({ text: w, startMs: i, endMs: i + 1, confidence: null })),
  })),
  source: { kind: 'import', detail: 'vtt', key: 'k' },
});

describe('redactPii', () => {
  it('removes card numbers that pass the Luhn check, however they are grouped', () => {
    const out = redactPii(transcriptSaying('my card is 4111 1111 1111 1111 thanks', 'the order 1234 5678 9012 3456 is not a card'), ['card_numbers']);
    expect(out.utterances[0]?.text).toBe('my card is [card number] thanks');
    expect(out.utterances[0]?.words.map((w) => w.text)).not.toContain('4111');
    expect(out.utterances[1]?.text).toContain('1234 5678 9012 3456');
  });

  it('removes SSNs and account numbers only when asked', () => {
    const said = transcriptSaying('ssn 123-45-6789 and account 0012345678');
    expect(redactPii(said, ['ssn']).utterances[0]?.text).toBe('ssn [SSN] and account 0012345678');
    expect(redactPii(said, ['ssn', 'account_numbers']).utterances[0]?.text).toBe('ssn [SSN] and account [account number]');
    expect(redactPii(said, [])).toBe(said);
  });

  it('leaves ordinary numbers and ids alone', () => {
    const said = transcriptSaying('we sold 25 units in 2024 for 1,500 euros');
    expect(redactPii(said, ['card_numbers', 'ssn', 'account_numbers']).utterances[0]?.text).toBe('we sold 25 units in 2024 for 1,500 euros');
  });
});
