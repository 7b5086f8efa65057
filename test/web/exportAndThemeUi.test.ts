import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const document: { body: unknown };
declare const getComputedStyle: (element: unknown) => { backgroundColor: string };

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const LONG = 120_000;

/**
 * Export and theme in Chromium: the notes downloaded as Markdown and PDF and copied as Markdown;
 * the meeting page in dark mode at phone width; an unknown meeting said in words with a way back;
 * no console errors (no favicon 404, no live-captions 404).
 */
describe.skipIf(!existsSync(CHROMIUM))('export, dark mode and errors in Chromium', () => {
  let fixture: StackFixture;
  let meeting: MeetingView;
  let url: string;
  let key: string;
  let browser: Browser;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    url = fixture.stack.httpUrl ?? '';
    // An admin: a member's page asks for the share links too and is refused (a 403 the console shows).
    key = await fixture.apiKey();
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const open = async (viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') => {
    const context: BrowserContext = await browser.newContext({ viewport, colorScheme, bypassCSP: true, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${url}/#/signin`);
    await page.fill('#api-key', key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/meetings$/);
    return { page, errors, close: () => context.close() };
  };

  it.each([
    { width: 1280, height: 900 },
    { width: 375, height: 740 },
  ])('downloads the notes as Markdown and PDF, and copies them as Markdown, at $width px', async (viewport) => {
    const { page, errors, close } = await open(viewport, 'light');
    await page.goto(`${url}/#/meetings/${meeting.meetingId}`);
    const card = page.locator('section.export');
    await card.getByRole('button', { name: 'Download Markdown' }).waitFor();

    const [markdown] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download Markdown' }).click()]);
    // Named after the meeting's title (its first chapter's when the recording names none).
    const fileBase = meeting.title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
    expect(markdown.suggestedFilename()).toBe(`${fileBase}-notes.md`);
    const text = await readFile(await markdown.path(), 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([`# ${meeting.title}`, '## Summary', '## Decisions', '## Action items', '## Chapters']);

    await page.getByLabel('Include the transcript').check();
    const [pdf] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`${fileBase}-notes.pdf`);
    const pdfText = (await extractText(new Uint8Array(await readFile(await pdf.path())), { mergePages: true })).text;
    expect(pdfText).toContain('Action items');
    expect(pdfText).toContain('Transcript');

    await card.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Copied the notes as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`# ${meeting.title}\n`)).toBe(true);
    expect(copied).toContain('## Transcript');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL(`export-${viewport.width}.png`, SCREENSHOTS).pathname, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  }, LONG);

  it('follows the system dark theme at phone width, accessibly and without console errors', async () => {
    const { page, errors, close } = await open({ width: 375, height: 740 }, 'dark');
    await page.goto(`${url}/#/meetings/${meeting.meetingId}`);
    await page.locator('.utterance').first().waitFor();
    await page.locator('section.export').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL('meeting-dark-phone.png', SCREENSHOTS).pathname, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  }, LONG);

  it('says in words that a meeting does not exist, with a way back', async () => {
    const { page, close } = await open({ width: 375, height: 740 }, 'light');
    await page.goto(`${url}/#/meetings/mtg_000000000000000000000000`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('There is no such meeting: it may have been deleted, or the link is mistyped.');
    expect(await page.locator('main').textContent()).not.toMatch(/no meeting mtg_/);
    await page.getByRole('link', { name: 'Back to the meetings' }).click();
    await page.waitForURL(/#\/meetings$/);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  }, LONG);
});
