import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

describe('the HTTP API', () => {
  let fixture: StackFixture;
  let api: string;
  let meetingId: string;
  let key: string;
  const get = async (path: string) => {
    const response = await fetch(`${api}${path}`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    api = `${fixture.stack.httpUrl}/api`;
    key = await fixture.apiKey({ role: 'member' });
    const meeting = await fixture.process('recordings/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), {
      ext: 'vtt',
      text: (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8'),
    });
    meetingId = meeting.meetingId;
  });
  afterAll(() => fixture.close());

  it('lists meetings with their state', async () => {
    const { status, body } = await get('/meetings');
    expect(status).toBe(200);
    // No room or title metadata: the first chapter names the meeting, not the file.
    expect(JSON.parse(body)).toEqual({ meetings: [expect.objectContaining({ meetingId, titleSource: 'chapter', state: 'ready', error: null })], nextCursor: null });
    expect((JSON.parse(body) as { meetings: { title: string }[] }).meetings[0]?.title).not.toBe('kickoff');
  });

  it("returns one meeting's results", async () => {
    const { status, body } = await get(`/meetings/${meetingId}`);
    expect(status).toBe(200);
    const result = JSON.parse(body) as { meeting: { state: string; manifest: unknown }; summary: { text: string }; chapters: { chapters: unknown[] } };
    expect(result.meeting.state).toBe('ready');
    expect(result.meeting.manifest).not.toBeNull();
    expect(result.summary.text.length).toBeGreaterThan(0);
    expect(result.chapters.chapters.length).toBeGreaterThan(0);
  });

  it('serves the transcript as JSON, WebVTT and SRT', async () => {
    expect((await get(`/meetings/${meetingId}/transcript`)).type).toContain('application/json');
    const vtt = await get(`/meetings/${meetingId}/transcript?format=vtt`);
    expect(vtt.type).toContain('text/vtt');
    expect(vtt.body).toMatch(/^WEBVTT/);
    expect((await get(`/meetings/${meetingId}/transcript?format=srt`)).body).toMatch(/^1\n/);
    expect((await get(`/meetings/${meetingId}/transcript?lang=fr`)).status).toBe(404);
  });

  it('searches the archive: meeting, timestamp and snippet for each hit', async () => {
    const { status, body } = await get('/search?q=remote+control+design&limit=5');
    expect(status).toBe(200);
    const { hits } = JSON.parse(body) as { hits: { meetingId: string; startMs: number; snippet: string }[] };
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ meetingId, startMs: expect.any(Number), snippet: expect.stringContaining('«') });
  });

  it.each([
    ['/meetings/mtg_000000000000000000000000', 404, 'no meeting'],
    ['/meetings/..%2F..%2Fetc%2Fpasswd', 404, 'no meeting'],
    ['/search?q=', 400, 'query must not be empty'],
    ['/search?q=x&limit=100000', 400, 'limit'],
    ['/meetings/x/transcript?format=pdf', 404, 'no meeting'],
    ['/nowhere', 404, 'no such route'],
  ])('GET %s → %i with a clear JSON error', async (path, expectedStatus, message) => {
    const response = await get(path);
    expect(response.status).toBe(expectedStatus);
    expect((JSON.parse(response.body) as { error: { message: string } }).error.message).toContain(message);
  });
});
