import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingNotes } from '../../../lib/domain/export/meetingNotes.js';
import { escapeMarkdown, notesMarkdown } from '../../../lib/domain/export/notesMarkdown.js';
import { toWinAnsi } from '../../../lib/adapters/export/notesPdf.js';
import type { MeetingView } from '../../../lib/domain/meetings/meetingView.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

interface Detail {
  summary: { text: string };
  actionItems: { items: { text: string; owner: string | null }[] };
  chapters: { chapters: { title: string }[] };
}

/** The notes as Markdown and PDF through the HTTP API, read back: the PDF's text is extracted by PDF.js (unpdf). */
describe('notes export (Markdown and PDF)', () => {
  let fixture: StackFixture;
  let base: string;
  let key: string;
  let meeting: MeetingView;
  let detail: Detail;

  const get = (path: string, token = key) => fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const pdfText = async (response: Response) => (await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true })).text.replace(/\s+/g, ' ');

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    key = await fixture.apiKey({ role: 'member' });
    detail = (await (await get(`/api/meetings/${meeting.meetingId}`)).json()) as Detail;
    expect(detail.actionItems.items.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => fixture.close());

  it('writes the notes as Markdown: title, summary, decisions, action items with owner and due date, chapters, under their AI labels', async () => {
    const response = await get(`/api/meetings/${meeting.meetingId}/export?format=md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    // Named after the meeting's title (its first chapter's: the recording names none).
    const fileBase = meeting.title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
    expect(response.headers.get('content-disposition')).toContain(`filename="${fileBase}-notes.md"`);
    const markdown = await response.text();
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([`# ${meeting.title}`, '## Summary', '## Decisions', '## Action items', '## Chapters']);
    expect(markdown).toContain(escapeMarkdown(detail.summary.text));
    for (const item of detail.actionItems.items) expect(markdown).toContain(`- ${escapeMarkdown(item.text)} — owner: ${item.owner ?? 'unassigned'}`);
    detail.chapters.chapters.forEach((chapter, index) => expect(markdown).toMatch(new RegExp(`^${index + 1}\\. \\d+:\\d\\d ${chapter.title}$`, 'm')));
    expect(markdown).toContain('_AI-generated — may be inaccurate · aftercall-extractive_');
    expect(markdown).toContain('No decisions.');
    expect(markdown).not.toContain('## Transcript');
  });

  it('adds the transcript when asked, speaker by speaker', async () => {
    const markdown = await (await get(`/api/meetings/${meeting.meetingId}/export?format=md&transcript=true`)).text();
    expect(markdown).toContain('## Transcript');
    expect(markdown).toMatch(/^\*\*Project Manager\*\* \(0:00\): Okay uh Agnes/m);
  });

  it('writes the same notes as a PDF whose text reads back', async () => {
    const response = await get(`/api/meetings/${meeting.meetingId}/export?format=pdf&transcript=true`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(response);
    for (const heading of ['Summary', 'Decisions', 'Action items', 'Chapters', 'Transcript']) expect(text).toContain(heading);
    expect(text).toContain(detail.summary.text.slice(0, 60).replace(/\s+/g, ' '));
    expect(text).toContain(detail.actionItems.items[0]?.text.slice(0, 40));
    expect(text).toContain('Project Manager: Okay uh Agnes');
    expect(text).toMatch(/page 1 of [2-9]/);
  });

  it('refuses an unknown format and another tenant', async () => {
    expect((await get(`/api/meetings/${meeting.meetingId}/export?format=docx`)).status).toBe(400);
    expect((await get(`/api/meetings/${meeting.meetingId}/export?format=md`, await fixture.apiKey({ tenantId: 'acme' }))).status).toBe(404);
  });

  it('exports through a share link too', async () => {
    const admin = await fixture.apiKey();
    const created = (await (
      await fetch(`${base}/api/meetings/${meeting.meetingId}/share-links`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: '{}' })
    ).json()) as { token: string };
    const markdown = await (await get('/api/shared/export?format=md', created.token)).text();
    expect(markdown.startsWith(`# ${meeting.title}\n`)).toBe(true);
  });

  it('keeps meeting text as text in Markdown, and prints what the PDF fonts cannot show as "?"', () => {
    const notes = meetingNotes({
      title: '<img src=x onerror=alert(1)> [click](http://evil)',
      recordedAt: '2026-01-02T03:04:05Z',
      summary: { text: '# not a heading *not bold*' },
      decisions: null,
      actionItems: null,
      chapters: null,
      transcript: null,
    });
    const markdown = notesMarkdown(notes);
    expect(markdown.split('\n')[0]).toBe('# \\<img src=x onerror=alert(1)\\> \\[click\\](http://evil)');
    expect(markdown).toContain('\\# not a heading \\*not bold\\*');
    expect(toWinAnsi('café – “ok” €5 привет 日本')).toBe('café – “ok” €5 ?????? ??');
  });
});
