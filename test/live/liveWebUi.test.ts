import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, openPage } from '../support/chromium.js';
import { axeViolations } from '../support/axe.js';
import { SPEAKING_TEXT } from '../../lib/adapters/offline/SpeechActivityTranscriber.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { bearer, connectLive, ingestUrl, streamChunks } from './support/liveClients.js';
import { pcmChunks, recordingPcm } from './support/sampleSpeech.js';

// Runs in the page; the test's own tsconfig has no DOM types.
declare const localStorage: { setItem(key: string, value: string): void };

const SHOTS = join(import.meta.dirname, 'screenshots');

describe.skipIf(!existsSync(CHROMIUM))('web UI: live captions of a room in progress', () => {
  let fixture: StackFixture;
  let browser: Browser;
  let key: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    key = await fixture.apiKey({ role: 'member' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it('shows each speaker with their captions as they arrive, and says when only speech activity is available', async () => {
    // Prepare: a signed-in browser on the room's live page.
    const page = await openPage(browser, { width: 900, height: 700 });
    await page.addInitScript((apiKey) => localStorage.setItem('aftercall.apiKey', apiKey), key);
    await page.goto(`${fixture.stack.httpUrl ?? ''}/#/live?room=weekly`);
    await page.getByRole('status').filter({ hasText: 'Listening to weekly' }).waitFor();

    // Act: a participant streams the first 12 s of the standup sample's speech.
    const ingest = connectLive(ingestUrl(fixture.stack.httpUrl ?? '', { room: 'weekly', participant: 'Project Manager' }), bearer(key));
    await ingest.opened;
    await streamChunks(ingest.ws, pcmChunks(await recordingPcm('standup-is1008b', 12_000)), { paceMs: 2 });
    await ingest.closed;

    // Assess
    // One conversation for the room, each line with its speaker, the departure a line of it.
    const lines = page.locator('.live-timeline .live-line');
    await lines.filter({ hasText: SPEAKING_TEXT }).first().waitFor();
    expect(await page.locator('.live-timeline').count()).toBe(1);
    expect(await lines.first().locator('.live-speaker-name').textContent()).toBe('Project Manager');
    await expect.poll(() => lines.last().textContent()).toBe('Project Manager Left the call.');
    // The room list agrees with the captions: the room is there, said to be over, never "no call".
    await expect.poll(() => page.locator('.live-rooms').textContent()).toBe('weekly — everyone has left; its captions are below');
    expect(await page.locator('.notice').textContent()).toMatch(/only when each participant is speaking, not their words/);
    await mkdir(SHOTS, { recursive: true });
    for (const [width, height] of [[1280, 800], [375, 740]] as const) {
      await page.setViewportSize({ width, height });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `live-timeline-${width}.png`), fullPage: true });
    }
  }, 90_000);

  it("shows the call's saved live captions on the meeting page once its recording is processed, folded away and marked rough", async () => {
    // Prepare: the room above ended, so its captions wait beside recordings/weekly.ogg; the recording arrives.
    await fixture.stack.live?.settled();
    const meeting = await fixture.process('recordings/weekly.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    expect(meeting.state).toBe('ready');
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.addInitScript((apiKey) => localStorage.setItem('aftercall.apiKey', apiKey), key);

    // Act
    await page.goto(`${fixture.stack.httpUrl ?? ''}/#/meetings/${meeting.meetingId}`);
    const section = page.locator('.live-captions-saved');
    await section.getByText('Live captions from the call').click();

    // Assess: the run kept the live file, and the page shows its finals under the participant.
    await section.locator('.live-saved li', { hasText: 'Project Manager' }).first().waitFor();
    expect(await section.locator('.hint').first().textContent()).toMatch(/room weekly — fast and rough; the transcript is the record/);
    await page.screenshot({ path: join(SHOTS, 'meeting-live-captions.png'), fullPage: true });
  });

  it('answers the saved live captions through the API to the tenant only, and 404 for a meeting without them', async () => {
    const meetings = (await (await fetch(`${fixture.stack.httpUrl ?? ''}/api/meetings`, { headers: bearer(key) })).json()) as { meetings: { meetingId: string; recordingKey: string }[] };
    const withCaptions = meetings.meetings.find((m) => m.recordingKey === 'recordings/weekly.ogg');
    expect(withCaptions).toBeDefined();
    const url = (id: string) => `${fixture.stack.httpUrl ?? ''}/api/meetings/${id}/live-captions`;
    const saved = await fetch(url(withCaptions?.meetingId ?? ''), { headers: bearer(key) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ source: 'live', room: 'weekly' });
    const other = await fixture.apiKey({ tenantId: 'acme', role: 'member' });
    expect((await fetch(url(withCaptions?.meetingId ?? ''), { headers: bearer(other) })).status).toBe(404);
    const plain = await fixture.process('recordings/plain.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/kickoff-es2002a.vtt') });
    const missing = await fetch(url(plain.meetingId), { headers: bearer(key) });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no live captions were saved/);
  });
});
