import { describe, expect, it } from 'vitest';
import { deriveMeetingId, MEETING_ID_PATTERN } from '../../../lib/domain/meetings/meetingId.js';
import { legacyResultPrefixFor, resultPrefixFor, siblingTranscriptKeys } from '../../../lib/domain/meetings/resultKeys.js';

describe('meeting ids and result keys', () => {
  it('derives the same meeting id for the same tenant and recording, and another for anything else', () => {
    const id = deriveMeetingId('acme', 'calls/a.ogg');
    expect(id).toMatch(MEETING_ID_PATTERN);
    expect(deriveMeetingId('acme', 'calls/a.ogg')).toBe(id);
    expect(deriveMeetingId('other', 'calls/a.ogg')).not.toBe(id);
    expect(deriveMeetingId('acme', 'calls/b.ogg')).not.toBe(id);
  });

  it('puts results in a folder beside the recording, derived from its whole key, extension included', () => {
    expect(resultPrefixFor('calls/2026/standup.ogg')).toBe('calls/2026/standup.ogg.aftercall/');
    expect(resultPrefixFor('calls/2026/standup.wav')).toBe('calls/2026/standup.wav.aftercall/');
    expect(resultPrefixFor('standup.v2.mp4')).toBe('standup.v2.mp4.aftercall/');
    expect(resultPrefixFor('rooms/r/RM_1/tracks/')).toBe('rooms/r/RM_1/tracks.aftercall/');
  });

  it('still knows the folder of the earlier layout, which dropped the extension', () => {
    expect(legacyResultPrefixFor('calls/2026/standup.ogg')).toBe('calls/2026/standup.aftercall/');
    expect(legacyResultPrefixFor('standup.v2.mp4')).toBe('standup.v2.aftercall/');
    expect(legacyResultPrefixFor('rooms/r/RM_1/tracks/')).toBe('rooms/r/RM_1/tracks.aftercall/');
  });

  it('looks for a transcript beside the recording with the same name', () => {
    expect(siblingTranscriptKeys('calls/standup.ogg')).toEqual(['calls/standup.vtt', 'calls/standup.srt', 'calls/standup.json']);
  });
});
