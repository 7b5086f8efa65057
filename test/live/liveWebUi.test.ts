import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
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
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.addInitScript((apiKey) => localStorage.setItem('aftercall.apiKey', apiKey), key);
    await page.goto(`${fixture.stack.httpUrl ?? ''}/#/live?room=weekly`);
    await page.getByRole('status').filter({ hasText: 'Listening to weekly' }).waitFor();

    // Act: a participant streams the first 12 s of the standup sample's speech.
    const ingest = connectLive(ingestUrl(fixture.stack.httpUrl ?? '', { room: 'weekly', participant: 'Project Manager' }), bearer(key));
    await ingest.opened;
    await streamChunks(ingest.ws, pcmChunks(await recordingPcm('standup-is1008b', 12_000)), { paceMs: 2 });
    await ingest.closed;

    // Assess
    const speaker = page.locator('.live-speaker', { hasText: 'Project Manager' });
    await speaker.locator('.live-lines li', { hasText: '[speaking]' }).first().waitFor();
    await expect.poll(() => speaker.locator('.note').textContent()).toBe('Left the call.');
    expect(await page.locator('.notice').textContent()).toMatch(/only when each participant is speaking, not their words/);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'live-captions.png'), fullPage: true });
  });
});
