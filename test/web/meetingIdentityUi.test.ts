import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium, openPage } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

declare const document: { title: string };
declare const window: { notReloaded?: boolean };

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 740 },
] as const;
const LONG = 120_000;

/**
 * The meeting's identity in the browser: titled from its recording's metadata, with length,
 * participants, talk time and summary preview; the list filtered by text; a deep link that
 * survives sign-in; a processing meeting that says which step runs and when its notes will be
 * ready, then turns ready by itself; translations skipped for want of a provider explained.
 * Each page at 1280 and 375 px, with axe finding nothing.
 */
describe.skipIf(!existsSync(CHROMIUM))('web UI: meeting identity, progress and links in Chromium', () => {
  const tenant = 'demo';
  const keys = { weekly: 'calls/2026-11-02/rec-8812.ogg', kickoff: 'calls/2026-11-03/rec-8813.ogg', later: 'calls/2026-11-04/rec-8814.ogg' };
  const ids = { weekly: deriveMeetingId(tenant, keys.weekly), kickoff: deriveMeetingId(tenant, keys.kickoff), later: deriveMeetingId(tenant, keys.later) };
  /** The understand step of the third meeting waits for this: how it is held in processing while the page is open. */
  let hold: Promise<void> = Promise.resolve();
  let fixture: StackFixture;
  let s3: S3Client;
  let browser: Browser;
  let apiKey: string;
  let url: string;

  const put = async (key: string, sample: string, metadata?: Record<string, string>) => {
    await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), await sampleBytes(`recordings/${sample}.vtt`), 'text/vtt');
    await s3.send(new PutObjectCommand({ Bucket: fixture.stack.config.AFTERCALL_BUCKET, Key: key, Body: await sampleBytes(`recordings/${sample}.ogg`), ContentType: 'audio/ogg', ...(metadata === undefined ? {} : { Metadata: metadata }) }));
  };

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      depsOverrides: (built) => ({
        understander: {
          name: built.understander.name,
          understand: async (transcript, options) => {
            if (transcript.meetingId === ids.later) await hold;
            return built.understander.understand(transcript, options);
          },
        },
      }),
    });
    url = fixture.stack.httpUrl ?? '';
    // The tenant asks for French; no translation provider is configured, so it is skipped.
    await fixture.stack.deps.blobs.put(tenantSettingsKey(tenant), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr'] }), 'application/json');
    s3 = createS3Client({ region: 'us-east-1', endpoint: fixture.stack.s3.endpoint, credentials: fixture.stack.s3.credentials });
    await put(keys.weekly, 'standup-is1008b', { title: 'Weekly sync' });
    await put(keys.kickoff, 'kickoff-es2002a');
    expect((await fixture.waitFor(ids.weekly)).state).toBe('ready');
    expect((await fixture.waitFor(ids.kickoff)).state).toBe('ready');
    apiKey = await fixture.apiKey({ role: 'member' });
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    s3?.destroy();
    await fixture?.close();
  });

  /** Axe finds nothing and a screenshot is saved, at each width. */
  const checkWidths = async (page: Page, name: string) => {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      expect(await axeViolations(page), `${name} at ${size.width} px`).toEqual([]);
      await page.screenshot({ path: new URL(`${name}-${size.width}.png`, SCREENSHOTS).pathname, fullPage: true });
    }
    await page.setViewportSize(WIDTHS[0]);
  };

  it('keeps a deep link to a moment through sign-in, and opens the meeting titled from its metadata with talk time and the skipped translation explained', async () => {
    const page = await openPage(browser, WIDTHS[0]);
    await page.goto(`${url}/#/meetings/${ids.weekly}?t=5000`);
    await page.waitForURL(/#\/signin\?next=/);
    await checkWidths(page, 'identity-signin');
    await page.fill('#api-key', apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`#/meetings/${ids.weekly}\\?t=5000$`));

    await page.locator('.talk-time li').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Weekly sync');
    expect(await page.evaluate(() => document.title)).toBe('Weekly sync — aftercall');
    const meeting = await getMeeting(fixture.stack.deps.blobs, tenant, ids.weekly);
    expect(await page.locator('.talk-time-name').allTextContents()).toEqual(meeting?.participants);
    expect(await page.locator('.talk-time-value').first().textContent()).toMatch(/^\d+:\d\d · \d+%$/);
    expect(await page.locator('.identity-facts').textContent()).toMatch(/^\d+ min · \d participants: /);
    const notice = page.locator('.translation-notice');
    expect(await notice.textContent()).toMatch(/Not translated: French\..*no translation provider is configured\. Set OPENAI_API_KEY/);
    expect(await notice.textContent()).toContain(`aftercall reprocess ${ids.weekly} --from translate`);
    await checkWidths(page, 'identity-meeting');
    await page.close();
  }, LONG);

  it('lists meetings with their identity and filters them by text on the server', async () => {
    const page = await openPage(browser, WIDTHS[0]);
    await page.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), apiKey);
    await page.goto(`${url}/#/meetings`);
    const rows = page.locator('.meeting-row');
    await expect.poll(() => rows.count()).toBe(2);
    const weekly = rows.filter({ has: page.getByRole('link', { name: 'Weekly sync' }) });
    expect(await weekly.locator('.summary-preview').textContent()).toMatch(/\w+/);
    expect(await weekly.locator('.identity-facts').textContent()).toMatch(/participants/);
    // The other has no metadata: its first chapter names it, not its file name.
    expect(await page.locator('.meeting-title').allTextContents()).not.toContain('rec-8813');
    expect(await page.evaluate(() => document.title)).toBe('Meetings — aftercall');

    const listed: string[] = [];
    page.on('request', (request) => (request.url().includes('/api/meetings?') ? listed.push(request.url()) : undefined));
    await page.getByLabel('Text').fill('weekly');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/#\/meetings\?q=weekly$/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('.meeting-title').textContent()).toBe('Weekly sync');
    expect(listed.some((request) => request.includes('q=weekly'))).toBe(true);
    expect(await page.evaluate(() => document.title)).toBe('Meetings (filtered) — aftercall');
    await checkWidths(page, 'identity-list-filtered');
    await page.close();
  }, LONG);

  it('filters by room, participant and dates at phone width, each filter a link the list keeps', async () => {
    const page = await openPage(browser, WIDTHS[1]);
    await page.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), apiKey);
    await page.goto(`${url}/#/meetings`);
    const rows = page.locator('.meeting-row');
    const titles = () => rows.locator('.meeting-title').allTextContents();
    await expect.poll(() => rows.count()).toBe(2);
    const weekly = await getMeeting(fixture.stack.deps.blobs, tenant, ids.weekly);
    const kickoff = await getMeeting(fixture.stack.deps.blobs, tenant, ids.kickoff);
    const apply = async (fields: Record<string, string>) => {
      await page.goto(`${url}/#/meetings`);
      await expect.poll(() => rows.count()).toBe(2);
      for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByRole('button', { name: 'Filter' }).click();
    };

    // Room: a part of the recording key.
    await apply({ Room: 'rec-8812' });
    await page.waitForURL(/#\/meetings\?room=rec-8812$/);
    await expect.poll(titles).toEqual(['Weekly sync']);

    // Participant: part of a speaker's name, in any case; the list holds the meetings where someone's name has it.
    const part = (weekly?.participants[0] ?? '').slice(0, 4);
    expect(part.length).toBeGreaterThan(0);
    const having = [weekly, kickoff].filter((m) => m?.participants.some((name) => name.toLowerCase().includes(part.toLowerCase())));
    await apply({ Participant: part.toUpperCase() });
    await expect.poll(async () => (await titles()).sort()).toEqual(having.map((m) => m?.title).sort());
    await apply({ Participant: 'nobody-here' });
    await expect.poll(() => rows.count()).toBe(0);

    // Dates: both were recorded today; nothing from tomorrow on, both up to today.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await apply({ From: tomorrow });
    await expect.poll(() => page.locator('.meeting-list-status, [role="status"]').filter({ hasText: 'No meeting matches these filters.' }).count()).toBe(1);
    expect(await rows.count()).toBe(0);
    await apply({ To: today });
    await expect.poll(() => rows.count()).toBe(2);
    expect(page.url()).toContain(`to=${today}`);

    // The filtered list is a link: opened afresh, it filters the same.
    await page.goto(`${url}/#/meetings?room=rec-8813`);
    await expect.poll(titles).toEqual([kickoff?.title]);
    expect(await page.getByLabel('Room', { exact: true }).inputValue()).toBe('rec-8813');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL('identity-list-filters-375.png', SCREENSHOTS).pathname, fullPage: true });
    await page.close();
  }, LONG);

  it('says which step runs and when the notes should be ready while processing, then turns ready by itself', async () => {
    let release = () => undefined as void;
    hold = new Promise<void>((resolve) => (release = resolve));
    await put(keys.later, 'kickoff-es2002a');
    await expect.poll(async () => (await getMeeting(fixture.stack.deps.blobs, tenant, ids.later))?.progress?.step ?? null, { timeout: 30_000 }).toBe('understand');

    const page = await openPage(browser, WIDTHS[0]);
    await page.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), apiKey);
    await page.goto(`${url}/#/meetings`);
    const row = page.locator('.meeting-row', { has: page.locator(`a[href="#/meetings/${ids.later}"]`) });
    expect(await row.locator('.progress-line').textContent()).toMatch(/^Writing the notes — step \d of \d; notes ready in (under a minute|about \d+ (s|min)) \(around .+\)\.$/);
    await checkWidths(page, 'identity-list-processing');

    await page.goto(`${url}/#/meetings/${ids.later}`);
    await page.locator('.progress-detail').waitFor();
    // Two meetings were published here: the speeds are measured, and the page says so.
    expect(await page.locator('.progress-detail .hint').textContent()).toMatch(/^Estimated from the recording's length \(\d+ min\) and each step's time per minute of recording, measured on the last 2 processed meetings\. This page updates itself\.$/);
    await checkWidths(page, 'identity-meeting-processing');
    await page.evaluate(() => (window.notReloaded = true));

    release();
    await page.locator('.talk-time li').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.progress-detail').count()).toBe(0);
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);
    await page.close();
  }, LONG);
});

declare const localStorage: { setItem(key: string, value: string): void };
