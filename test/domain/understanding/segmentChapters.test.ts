import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../../lib/domain/transcript/importTranscript.js';
import { ChapterSchema } from '../../../lib/domain/understanding/schema.js';
import { segmentChapters } from '../../../lib/domain/understanding/segmentChapters.js';
import { BATTERY_WORDS, CURRICULUM_WORDS, MARKETING_WORDS, topicTurns } from './topicTurns.js';
import { transcriptOf, type Turn } from './transcriptBuilder.js';

const SECONDS = 1_000;

/** Chapters must validate, cover every utterance once and in order, and follow one another in time. */
const expectValidChapters = (chapters: ReturnType<typeof segmentChapters>, utteranceIds: string[]): void => {
  expect(chapters.flatMap((chapter) => chapter.utteranceIds)).toEqual(utteranceIds);
  chapters.forEach((chapter, i) => {
    expect(ChapterSchema.safeParse({ id: `c${i + 1}`, ...chapter }).success).toBe(true);
    const next = chapters[i + 1];
    if (next) expect(next.startMs).toBeGreaterThanOrEqual(chapter.endMs);
  });
};

describe('segmentChapters', () => {
  it('returns no chapters for an empty transcript', () => {
    expect(segmentChapters(transcriptOf([]))).toEqual([]);
  });

  it('finds a clear topic shift', () => {
    const transcript = transcriptOf([...topicTurns(BATTERY_WORDS, 36, 15 * SECONDS), ...topicTurns(MARKETING_WORDS, 36, 15 * SECONDS)]);
    const chapters = segmentChapters(transcript);
    expect(chapters).toHaveLength(2);
    expect(chapters[1]?.utteranceIds[0]).toBe('u36');
    expectValidChapters(chapters, transcript.utterances.map((utterance) => utterance.id));
  });

  it('finds several shifts, covering every utterance in order', () => {
    const transcript = transcriptOf([
      ...topicTurns(CURRICULUM_WORDS, 30, 12 * SECONDS),
      ...topicTurns(BATTERY_WORDS, 40, 12 * SECONDS),
      ...topicTurns(MARKETING_WORDS, 30, 12 * SECONDS),
    ]);
    const chapters = segmentChapters(transcript);
    expect(chapters.map((chapter) => chapter.utteranceIds[0])).toEqual(['u0', 'u30', 'u70']);
    expectValidChapters(chapters, transcript.utterances.map((utterance) => utterance.id));
  });

  it('keeps a long meeting on one topic in one chapter', () => {
    const transcript = transcriptOf(topicTurns(BATTERY_WORDS, 80, 15 * SECONDS));
    expect(segmentChapters(transcript)).toHaveLength(1);
  });

  it('keeps a short meeting in one chapter, even across a topic shift', () => {
    const transcript = transcriptOf([...topicTurns(BATTERY_WORDS, 6, 10 * SECONDS), ...topicTurns(MARKETING_WORDS, 6, 10 * SECONDS)]);
    const chapters = segmentChapters(transcript);
    expect(chapters).toHaveLength(1);
    expect(chapters[0]).toMatchObject({ startMs: 0, endMs: 120 * SECONDS });
  });

  it('gives the three-minute demo kickoff two chapters: the introductions, then the favourite animals', async () => {
    const vtt = readFileSync(fileURLToPath(new URL('../../../samples/recordings/kickoff-es2002a.vtt', import.meta.url)), 'utf8');
    const transcript = await importTranscript(vtt, 'vtt', { meetingId: 'kickoff', key: 'kickoff.vtt' });
    const chapters = segmentChapters(transcript);
    expect(chapters).toHaveLength(2);
    const textOf = (chapter: (typeof chapters)[number] | undefined): string =>
      transcript.utterances.filter((utterance) => chapter?.utteranceIds.includes(utterance.id)).map((utterance) => utterance.text).join(' ');
    expect(textOf(chapters[0])).toContain("I'm Laura and I'm the project manager");
    expect(textOf(chapters[0])).not.toMatch(/favourite animal/i);
    expect(textOf(chapters[1])).toContain('My favourite animal is like A beagle');
    expectValidChapters(chapters, transcript.utterances.map((utterance) => utterance.id));
  });

  it('keeps a three-minute meeting on one topic in one chapter', () => {
    expect(segmentChapters(transcriptOf(topicTurns(BATTERY_WORDS, 18, 10 * SECONDS)))).toHaveLength(1);
  });

  it('titles chapters with a phrase said in them, not a list of keywords', () => {
    const transcript = transcriptOf([...topicTurns(BATTERY_WORDS, 36, 15 * SECONDS), ...topicTurns(MARKETING_WORDS, 36, 15 * SECONDS)]);
    const [first, second] = segmentChapters(transcript);
    const wordsOf = (title: string | undefined): string[] => (title ?? '').toLowerCase().split(/\W+/);
    expect(wordsOf(first?.title).some((word) => BATTERY_WORDS.includes(word))).toBe(true);
    expect(wordsOf(second?.title).some((word) => MARKETING_WORDS.includes(word))).toBe(true);
    for (const chapter of [first, second]) {
      const text = transcript.utterances.filter((utterance) => chapter?.utteranceIds.includes(utterance.id)).map((utterance) => utterance.text.toLowerCase()).join(' ');
      expect(text).toContain(chapter?.title.toLowerCase());
      expect(chapter?.title).not.toMatch(/,| and /);
    }
  });

  it('starts a chapter where the chair moves on and another speaker takes the floor, when the words alone do not change', () => {
    const presenter = (speaker: string, count: number): Turn[] =>
      Array.from({ length: count }, (_, i) => ({
        speaker,
        text: `So the remote control with the ${BATTERY_WORDS[i % 10] ?? ''} and the ${MARKETING_WORDS[(i * 3) % 10] ?? ''} would work well for the whole team here.`,
        durationMs: 15 * SECONDS,
      }));
    const transcript = transcriptOf([
      ...presenter('Alice', 20),
      { speaker: 'Chair', text: "Thanks. Let's move on to Bob's presentation.", durationMs: 5 * SECONDS },
      ...presenter('Bob', 20),
    ]);
    const starts = segmentChapters(transcript).map((chapter) => Number(chapter.utteranceIds[0]?.slice(1)));
    expect(starts).toHaveLength(2);
    expect(Math.abs((starts[1] ?? 0) - 20)).toBeLessThanOrEqual(1);
  });

  it('gives a meeting of pure filler one chapter with a fallback title', () => {
    const transcript = transcriptOf([{ speaker: 'A', text: 'Um.' }, { speaker: 'B', text: 'Yeah, okay.' }]);
    expect(segmentChapters(transcript)).toEqual([{ title: 'Part 1', startMs: 0, endMs: 10 * SECONDS, utteranceIds: ['u0', 'u1'] }]);
  });
});
