import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFiles, resultKey } from '../../../lib/domain/meetings/resultKeys.js';
import type { MeetingView } from '../../../lib/domain/meetings/meetingView.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

// What a caller got wrong is a 4xx that says what; a file that went bad is shown as such.
describe('client errors and corrupt results through the HTTP API', () => {
  let fixture: StackFixture;
  let api: string;
  let admin: string;
  let ready: MeetingView;
  let untranscribed: MeetingView;

  const send = async (method: string, path: string, body?: { type: string; text: string }) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { Authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'Content-Type': body.type }) },
      ...(body === undefined ? {} : { body: body.text }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } & Record<string, unknown> };
  };

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    api = `${fixture.stack.httpUrl}/api`;
    admin = await fixture.apiKey();
    ready = await fixture.process('calls/client-errors.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), {
      ext: 'vtt',
      text: (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8'),
    });
    // Not audio: the run fails at Intake, so the meeting is listed but has no transcript.
    untranscribed = await fixture.process('calls/not-audio.ogg', new TextEncoder().encode('this is a text file, not a recording'));
  });
  afterAll(() => fixture.close());

  it.each([
    ['POST', 'reprocess', 'application/json', '{"from": '],
    ['PUT', 'speakers', 'application/json', '{"spk_0": '],
  ])('%s %s with malformed JSON → 400 that says so', async (method, route, type, text) => {
    const { status, body } = await send(method, `/meetings/${ready.meetingId}/${route}`, { type, text });
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/JSON/);
  });

  it.each([
    ['POST', 'reprocess', '{"from":"index"}'],
    ['PUT', 'speakers', '{"spk_0":"Laura"}'],
  ])('%s %s with text/plain → 415 naming the expected type', async (method, route, text) => {
    const { status, body } = await send(method, `/meetings/${ready.meetingId}/${route}`, { type: 'text/plain', text });
    expect(status).toBe(415);
    expect(body.error?.message).toContain('application/json');
  });

  it('renaming the speakers of a meeting with no transcript → 409 that says why', async () => {
    expect(untranscribed.state).toBe('failed');
    const { status, body } = await send('PUT', `/meetings/${untranscribed.meetingId}/speakers`, { type: 'application/json', text: '{"spk_0":"Laura"}' });
    expect(status).toBe(409);
    expect(body.error?.message).toContain('no transcript');
  });

  it('a corrupt manifest and summary: the meeting is still shown, with what could not be read marked', async () => {
    const blobs = fixture.stack.deps.blobs;
    await blobs.put(resultKey(ready.resultPrefix, resultFiles.manifest), 'null', 'application/json');
    await blobs.put(resultKey(ready.resultPrefix, resultFiles.summary), '{"schemaVersion": 1, "text"', 'application/json');

    const { status, body } = await send('GET', `/meetings/${ready.meetingId}`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      meeting: { meetingId: ready.meetingId, manifest: null, steps: expect.arrayContaining([expect.objectContaining({ name: 'understand', state: 'succeeded' })]) },
      summary: null,
      actionItems: { items: expect.any(Array) },
      chapters: { chapters: expect.any(Array) },
    });
    expect(body.unreadable).toEqual(expect.arrayContaining([resultFiles.manifest, resultFiles.summary]));
  });
});
