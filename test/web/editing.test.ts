import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const LONG = 120_000;
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}
declare const axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
declare const document: unknown;

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA rules over the whole page: the violations, as "rule: targets". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  const results = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
}

/**
 * Editing in a real browser against a real local stack, at desktop and phone widths: a member
 * ticks and reassigns action items; an admin corrects a transcript line, accepts a proposed
 * speaker name (with its evidence) and renames a speaker. Every change survives a reload (it is
 * the server's), and axe finds nothing on the page with the editors open.
 */
describe.skipIf(!existsSync(CHROMIUM))('editing a meeting in Chromium', () => {
  let fixture: StackFixture;
  let browser: Browser;
  let admin: string;
  let member: string;
  const standups = new Map<string, MeetingView>();
  const kickoffs = new Map<string, MeetingView>();

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    for (const { name } of WIDTHS) {
      standups.set(name, await fixture.process(`recordings/standup-${name}.ogg`, await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') }));
      kickoffs.set(name, await fixture.process(`recordings/kickoff-${name}.ogg`, await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/kickoff-es2002a.vtt') }));
    }
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const signedIn = async (viewport: { width: number; height: number }, key: string): Promise<Page> => {
    // axe is injected as an inline script, which the app's CSP (script-src 'self') rightly refuses.
    const page = await browser.newPage({ viewport, bypassCSP: true });
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${fixture.stack.httpUrl}/#/signin`);
    await page.fill('#api-key', key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/meetings$/);
    return page;
  };
  const openMeeting = async (page: Page, meeting: MeetingView) => {
    await page.goto(`${fixture.stack.httpUrl}/#/meetings/${meeting.meetingId}`);
    await page.locator('.utterance').first().waitFor({ timeout: 60_000 });
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });

  for (const { name, viewport } of WIDTHS) {
    it(`${name}: a member ticks an action item and reassigns and re-dates another; a reload shows both`, async () => {
      const meeting = standups.get(name)!;
      const page = await signedIn(viewport, member);
      await openMeeting(page, meeting);
      // A member edits action items, not the record: no line corrections, no renames.
      expect(await page.getByRole('button', { name: 'Correct lines' }).count()).toBe(0);
      expect(await page.locator('button.rename').count()).toBe(0);

      const first = page.locator('.action-items > li').first();
      const firstText = (await first.locator('.action-link').textContent()) ?? '';
      await first.getByRole('checkbox').check();
      await page.locator('.action-items > li.done').first().waitFor();
      await expect.poll(() => page.locator('section[aria-labelledby="actions-heading"] [role=status]').textContent()).toBe('Saved.');

      const second = page.locator('.action-items > li').nth(1);
      await second.getByRole('button', { name: /^Edit action item/ }).click();
      const form = page.locator('form.edit-form');
      await form.getByLabel('Owner').fill('Laura');
      await form.getByLabel('Due date').fill('2026-12-04');
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `editing-action-item-form-${name}`);
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('.action-items > li').nth(1).locator('.meta').textContent()).toMatch(/Owner: Laura · Due: 2026-12-04.*edited by key/);

      await page.reload();
      await page.locator('.action-items > li').first().waitFor();
      expect(await page.locator('.action-items > li').first().getByRole('checkbox').isChecked()).toBe(true);
      expect(await page.locator('.action-items > li.done .action-link').textContent()).toBe(firstText);
      expect(await page.locator('.action-items > li').nth(1).locator('.meta').textContent()).toContain('Owner: Laura');
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `editing-action-items-${name}`);
      const widths = await page.evaluate(() => ({ scroll: (document as { documentElement: { scrollWidth: number } }).documentElement.scrollWidth, client: (document as { documentElement: { clientWidth: number } }).documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.close();
    }, LONG);

    it(`${name}: an admin corrects a transcript line in place; the download and a reload read the correction`, async () => {
      const meeting = standups.get(name)!;
      const page = await signedIn(viewport, admin);
      await openMeeting(page, meeting);
      const toggle = page.getByRole('button', { name: 'Correct lines' });
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      const row = page.locator('.utterance').nth(2);
      const id = (await row.getAttribute('data-utterance-id')) ?? '';
      await row.click();
      const field = page.getByLabel('Corrected line');
      await field.fill('We agreed on the corrected wording of this line.');
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `editing-transcript-line-form-${name}`);
      await page.getByRole('button', { name: 'Save line' }).click();
      await expect.poll(() => page.locator(`.utterance[data-utterance-id="${id}"] .utterance-text`).textContent()).toBe('We agreed on the corrected wording of this line.');
      expect(await page.locator('.corrections [role=status]').textContent()).toBe('Line corrected.');

      await page.reload();
      await page.locator(`.utterance[data-utterance-id="${id}"]`).waitFor();
      expect(await page.locator(`.utterance[data-utterance-id="${id}"] .utterance-text`).textContent()).toBe('We agreed on the corrected wording of this line.');
      const vtt = await page.evaluate(async (meetingId) => {
        const key = (globalThis as unknown as { localStorage: { getItem(k: string): string } }).localStorage.getItem('aftercall.apiKey');
        return (await fetch(`/api/meetings/${meetingId}/transcript?format=vtt`, { headers: { Authorization: `Bearer ${key}` } })).text();
      }, meeting.meetingId);
      expect(vtt).toContain('We agreed on the corrected wording of this line.');
      await shot(page, `editing-transcript-${name}`);
      await page.close();
    }, LONG);

    it(`${name}: an admin accepts a proposed speaker name shown with its evidence, and renames another speaker`, async () => {
      const meeting = kickoffs.get(name)!;
      const page = await signedIn(viewport, admin);
      await openMeeting(page, meeting);
      const pm = page.locator('.speaker', { hasText: 'Project Manager' });
      await pm.locator('.proposal').waitFor();
      expect(await pm.locator('.proposal strong').textContent()).toBe('Laura');
      expect(await pm.locator('.evidence q').first().textContent()).toContain("I'm Laura");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `editing-speakers-proposed-${name}`);

      await page.getByRole('button', { name: 'Accept Laura for Project Manager' }).click();
      const speakersStatus = page.locator('section[aria-labelledby="speakers-heading"] [role=status]');
      await expect.poll(() => speakersStatus.textContent(), { timeout: 30_000 }).toBe('Accepted: Laura.');
      expect(await page.locator('.speaker-name').allTextContents()).toContain('Laura');
      expect(await page.locator('.utterance-speaker').allTextContents()).toContain('Laura');
      // The rename reindexes the meeting in a run of its own; the next rename waits for it (else 409, which the card shows).
      await fixture.waitFor(meeting.meetingId);

      const designer = page.locator('.speaker', { hasText: 'Industrial Designer' });
      await designer.getByRole('button', { name: 'Rename Industrial Designer' }).click();
      await page.getByLabel('New name for Industrial Designer').fill('Dave');
      await page.getByRole('button', { name: 'Save name' }).click();
      await expect.poll(() => speakersStatus.textContent(), { timeout: 30_000 }).toBe('Renamed to Dave. Search follows in a moment.');
      expect(await page.locator('.speaker-name').allTextContents()).toContain('Dave');
      await fixture.waitFor(meeting.meetingId);

      await page.reload();
      await page.locator('.speaker-name').first().waitFor();
      expect(await page.locator('.speaker-name').allTextContents()).toEqual(expect.arrayContaining(['Laura', 'Dave']));
      expect(await page.locator('.utterance-speaker').allTextContents()).toEqual(expect.arrayContaining(['Laura', 'Dave']));
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `editing-speakers-${name}`);
      await page.close();
    }, LONG);
  }
});
