import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

interface BrowserAudio {
  currentTime: number;
  paused: boolean;
  readyState: number;
}
declare const document: { querySelector(selector: 'audio'): BrowserAudio | null };
declare const localStorage: { length: number };

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const LONG = 120_000;

/**
 * Share links in the browser: an admin makes one on the meeting page, someone with no key opens
 * it (desktop, phone, dark) and sees that meeting and nothing else; revoked, it says so in words.
 */
describe.skipIf(!existsSync(CHROMIUM))('share links in Chromium', () => {
  let fixture: StackFixture;
  let meeting: MeetingView;
  let url: string;
  let browser: Browser;
  let admin: Page;
  let sharedUrl: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    url = fixture.stack.httpUrl ?? '';
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    // bypassCSP: axe is injected as an inline script, which the UI's CSP rightly refuses.
    admin = await browser.newPage({ viewport: DESKTOP, bypassCSP: true });
    admin.on('pageerror', (error) => console.error('page error:', error));
    await admin.goto(`${url}/#/signin`);
    await admin.fill('#api-key', await fixture.apiKey());
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/#\/meetings$/);
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  /** A browser with no key at all: a fresh context, nothing in localStorage. */
  const stranger = async (viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') => {
    const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    return { page, errors, close: () => context.close() };
  };

  it('an admin makes a link on the meeting page; a member sees no Share card', async () => {
    await admin.goto(`${url}/#/meetings/${meeting.meetingId}`);
    const card = admin.locator('section.share');
    await card.getByRole('button', { name: 'Create link' }).waitFor();
    await admin.getByLabel('Expires after').selectOption('30');
    await card.getByRole('button', { name: 'Create link' }).click();
    const field = admin.locator('#share-url');
    await field.waitFor();
    sharedUrl = await field.inputValue();
    expect(sharedUrl).toMatch(new RegExp(`^${url}/#/shared/sl_[0-9a-f]{16}_[\\w-]{43}$`));
    await expect.poll(() => card.locator('.share-link').count()).toBe(1);
    expect(await card.locator('.share-link').textContent()).toMatch(/expires/);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.screenshot({ path: new URL('share-admin.png', SCREENSHOTS).pathname, fullPage: true });

    const member = await stranger(DESKTOP);
    await member.page.goto(`${url}/#/signin`);
    await member.page.fill('#api-key', await fixture.apiKey({ role: 'member' }));
    await member.page.getByRole('button', { name: 'Sign in' }).click();
    await member.page.waitForURL(/#\/meetings$/);
    await member.page.goto(`${url}/#/meetings/${meeting.meetingId}`);
    await member.page.locator('.chapter-link').first().waitFor();
    await member.page.waitForLoadState('networkidle');
    expect(await member.page.locator('section.share').count()).toBe(0);
    await member.close();
  }, LONG);

  for (const [name, viewport, scheme] of [
    ['desktop', DESKTOP, 'light'],
    ['phone', PHONE, 'light'],
    ['phone-dark', PHONE, 'dark'],
  ] as const) {
    it(`opens the meeting with no key and links to nothing else (${name})`, async () => {
      const { page, errors, close } = await stranger(viewport, scheme);
      await page.goto(sharedUrl);
      await page.locator('.chapter-link').first().waitFor();
      await page.locator('.utterance').first().waitFor();
      await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
      expect(await page.locator('h1').textContent()).toBe(meeting.title);
      // No menu, no brand link, no ask, no share: every link on the page is a moment of this meeting.
      expect(await page.locator('#nav li').count()).toBe(0);
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => !href.startsWith('#/shared/') && href !== '#main' && !href.startsWith('#transcript'))).toEqual([]);
      expect(await page.locator('section.ask, section.share').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      // A chapter click moves the player and keeps the shared address.
      await page.locator('.action-link').last().click();
      expect(page.url()).toMatch(/#\/shared\/sl_[^?]+\?t=\d+$/);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: new URL(`share-open-${name}.png`, SCREENSHOTS).pathname, fullPage: true });
      expect(errors).toEqual([]);
      await close();
    }, LONG);
  }

  it('says so in words once the link is revoked', async () => {
    await admin.goto(`${url}/#/meetings/${meeting.meetingId}`);
    const revoke = admin.locator('section.share .revoke').first();
    await revoke.waitFor();
    await revoke.click();
    await expect.poll(() => admin.locator('section.share [role=status]').first().textContent(), { timeout: 20_000 }).toMatch(/Revoked/);
    expect(await admin.locator('.share-link').first().textContent()).toMatch(/revoked/);

    const { page, close } = await stranger(PHONE);
    await page.goto(sharedUrl);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('This link no longer opens the meeting: it has expired or was revoked. Ask whoever shared it for a new one.');
    expect(await page.locator('#nav li').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL('share-revoked-phone.png', SCREENSHOTS).pathname, fullPage: true });
    await close();
  }, LONG);
});
