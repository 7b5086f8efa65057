import { describe, expect, it } from 'vitest';
import { AUDIO_URL_TTL_MS, checkAudioSignature, signAudioParams, SignedAudioParamsSchema } from '../../../lib/domain/auth/audioUrlSignature.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const NOW = new Date('2026-03-01T10:00:00.400Z');

describe('audio URL signatures', () => {
  const signed = signAudioParams(SECRET, 'acme', 'mtg_1', NOW);
  const { expiresAt, ...params } = signed;

  it('expire a quarter of an hour after issue, in whole seconds, and parse as the route reads them', () => {
    expect(expiresAt.getTime()).toBe(Date.parse('2026-03-01T10:15:00.000Z'));
    expect(AUDIO_URL_TTL_MS).toBe(15 * 60_000);
    expect(SignedAudioParamsSchema.parse(params)).toEqual(params);
    expect(JSON.stringify(params)).not.toContain(SECRET);
  });

  it('are valid for that tenant and meeting until they expire', () => {
    expect(checkAudioSignature(SECRET, 'mtg_1', params, NOW)).toBe('valid');
    expect(checkAudioSignature(SECRET, 'mtg_1', params, new Date(expiresAt.getTime() - 1))).toBe('valid');
    expect(checkAudioSignature(SECRET, 'mtg_1', params, expiresAt)).toBe('expired');
  });

  it.each([
    ['another meeting', 'mtg_2', params],
    ['another tenant', 'mtg_1', { ...params, tenant: 'other' }],
    ['a later expiry', 'mtg_1', { ...params, expires: String(Number(params.expires) + 3600) }],
    ['another secret', 'mtg_1', signAudioParams('another-secret-of-at-least-32-characters', 'acme', 'mtg_1', NOW)],
    ['a truncated signature', 'mtg_1', { ...params, sig: params.sig.slice(0, 20) }],
  ])('are invalid for %s', (_, meetingId, altered) => {
    expect(checkAudioSignature(SECRET, meetingId, altered, NOW)).toBe('invalid');
  });

  it('report a forged URL as invalid even when its expiry has passed', () => {
    expect(checkAudioSignature(SECRET, 'mtg_2', params, new Date(expiresAt.getTime() + 1))).toBe('invalid');
  });
});
