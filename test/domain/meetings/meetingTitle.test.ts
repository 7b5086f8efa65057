import { describe, expect, it } from 'vitest';
import { isInformativeTitle, recordedTitle, titleFromChapters } from '../../../lib/domain/meetings/chapterTitle.js';
import { meetingIdentity } from '../../../lib/domain/meetings/meetingIdentity.js';

const chapters = (...titles: string[]) => ({ chapters: titles.map((title, i) => ({ id: `c${i + 1}`, title, startMs: i * 60_000, endMs: (i + 1) * 60_000, utteranceIds: [`u${i + 1}`] })) });
const RECORDED_AT = '2026-11-29T14:05:31Z';

describe('meeting titles from chapters', () => {
  it.each([
    ['Okay, right, um, well'],
    ['Um, yeah, so'],
    ['Project'],
    ['General discussion'],
    ['Introduction'],
    ['Any other business'],
    ['Good morning everyone'],
    [''],
  ])('rejects %j: fillers or words any meeting could be called', (title) => {
    expect(isInformativeTitle(title)).toBe(false);
  });

  it.each([['Remote control design'], ['Project budget'], ['Q3 hiring plan'], ['Launch date for the mobile app']])('accepts %j: it names a topic', (title) => {
    expect(isInformativeTitle(title)).toBe(true);
  });

  it('takes the first informative title among the opening chapters, and no later one', () => {
    expect(titleFromChapters(chapters('Okay, right, um, well', 'Remote control design', 'Budget').chapters)).toBe('Remote control design');
    expect(titleFromChapters(chapters('Project', 'Okay', 'Um', 'Budget review').chapters)).toBeNull();
    expect(titleFromChapters([])).toBeNull();
  });

  it('names a meeting after when it was recorded, in UTC', () => {
    expect(recordedTitle(RECORDED_AT)).toBe('Meeting on 29 Nov 2026, 14:05 UTC');
    expect(recordedTitle('2026-01-03T09:07:00+02:00')).toBe('Meeting on 3 Jan 2026, 07:07 UTC');
    expect(recordedTitle('not a date')).toBeNull();
  });
});

describe('meetingIdentity: the title', () => {
  const key = 'calls/2026-11-29/rec-1234.ogg';

  it('falls back from a filler-only first chapter to when the meeting was recorded', () => {
    const identity = meetingIdentity({ recordingKey: key, chapters: chapters('Okay, right, um, well'), recordedAt: RECORDED_AT });
    expect(identity).toMatchObject({ title: 'Meeting on 29 Nov 2026, 14:05 UTC', titleSource: 'recorded' });
  });

  it('gives two meetings whose only chapter is "Project" different titles', () => {
    const a = meetingIdentity({ recordingKey: key, chapters: chapters('Project'), recordedAt: '2026-11-29T14:05:00Z' });
    const b = meetingIdentity({ recordingKey: 'calls/2026-11-30/rec-1235.ogg', chapters: chapters('Project'), recordedAt: '2026-11-30T09:30:00Z' });
    expect([a.title, b.title]).toEqual(['Meeting on 29 Nov 2026, 14:05 UTC', 'Meeting on 30 Nov 2026, 09:30 UTC']);
  });

  it('still prefers the room to the date, and an informative chapter to both date and file', () => {
    expect(meetingIdentity({ recordingKey: key, room: 'weekly-sync', chapters: chapters('Um'), recordedAt: RECORDED_AT })).toMatchObject({ title: 'Weekly sync', titleSource: 'room' });
    expect(meetingIdentity({ recordingKey: key, chapters: chapters('remote control design'), recordedAt: RECORDED_AT })).toMatchObject({ title: 'Remote control design', titleSource: 'chapter' });
  });

  it('keeps the file name while the run is not done (no recording time given yet)', () => {
    expect(meetingIdentity({ recordingKey: key, chapters: chapters('Okay') })).toMatchObject({ title: 'rec-1234', titleSource: 'file' });
  });
});
