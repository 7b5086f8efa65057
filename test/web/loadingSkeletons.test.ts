import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium, openPage } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

declare const localStorage: { setItem(key: string, value: string): void };
interface BrowserElement {
  getBoundingClientRect(): { top: number; width: number; height: number };
}
declare const getComputedStyle: (element: BrowserElement) => { animationName: string };

// Screenshots to look at, not to keep: outside the repository.
const SHOTS = join(tmpdir(), 'aftercall-skeleton-shots');
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 740 },
] as const;
const LONG = 240_000;
/** How far the content may start from where its skeleton started: a rounding, not a jump. */
const JUMP_TOLERANCE_PX = 4;

/** Holds the API's answers on the matching paths until release(): a slow API the test controls. */
async function slowApi(page: Page, matches: (path: string) => boolean): Promise<{ release(): void }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => matches(url.pathname),
    async (route: Route) => {
      await gate;
      await route.continue();
    },
  );
  return { release };
}

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((element: BrowserElement) => element.getBoundingClientRect().top);

/**
 * Loading skeletons on the meeting list, the meeting page and the search page, with the API held
 * back so they can be seen: the region is aria-busy with a "Loading…" status for screen readers,
 * the shapes stand where the content will be (no jump when it comes), they do not pulse under
 * prefers-reduced-motion, and axe finds nothing while loading or after. At 1280 and 375 px.
 */
describe.skipIf(!existsSync(CHROMIUM))('web UI: loading skeletons with a slow API', () => {
  let fixture: StackFixture;
  let meeting: MeetingView;
  let url: string;
  let apiKey: string;
  let browser: Browser;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    expect(meeting.state).toBe('ready');
    url = fixture.stack.httpUrl ?? '';
    apiKey = await fixture.apiKey({ role: 'member' });
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const signedIn = async (viewport: { width: number; height: number }) => {
    const page = await openPage(browser, viewport);
    await page.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), apiKey);
    return page;
  };

  /** What is true of every skeleton while it shows: busy region, a status saying so in words, no axe finding. */
  const expectLoading = async (page: Page, region: string, statusText: RegExp, shot: string) => {
    const busy = page.locator(`${region}[aria-busy="true"]`);
    await busy.locator('.bone').first().waitFor();
    expect(await busy.count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: statusText }).count()).toBeGreaterThan(0);
    // The words are for screen readers: on screen the shapes say it.
    expect(await page.getByText(statusText).first().evaluate((element: BrowserElement) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await axeViolations(page), `${shot} while loading`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${shot}-loading.png`), fullPage: true });
  };

  const expectLoaded = async (page: Page, shot: string) => {
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await page.locator('.bone').count()).toBe(0);
    expect(await axeViolations(page), `${shot} once loaded`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${shot}-loaded.png`), fullPage: true });
  };

  for (const viewport of WIDTHS) {
    it(`the meeting list shows rows in outline until the meetings come, then the rows where they stood (${viewport.width} px)`, async () => {
      const page = await signedIn(viewport);
      const api = await slowApi(page, (path) => path === '/api/meetings');
      await page.goto(`${url}/#/meetings`);
      await expectLoading(page, '.meeting-list', /^Loading meetings…$/, `list-${viewport.width}`);
      expect(await page.locator('.meeting-list .skeleton').count()).toBeGreaterThan(0);
      // Outlines are not rows: nothing that looks for a meeting's row finds one before it comes.
      expect(await page.locator('.meeting-row').count()).toBe(0);
      const skeletonTop = await top(page, '.meeting-list > li');

      api.release();
      await page.getByRole('link', { name: meeting.title }).waitFor();
      expect(Math.abs((await top(page, '.meeting-list > li')) - skeletonTop)).toBeLessThanOrEqual(JUMP_TOLERANCE_PX);
      expect(await page.locator('.status').first().textContent()).toBe('1 meeting.');
      await expectLoaded(page, `list-${viewport.width}`);
      await page.close();
    }, LONG);

    it(`the meeting page shows its outline, then the meeting, then the transcript's outline until it comes (${viewport.width} px)`, async () => {
      const page = await signedIn(viewport);
      const detail = await slowApi(page, (path) => path === `/api/meetings/${meeting.meetingId}`);
      const transcript = await slowApi(page, (path) => path === `/api/meetings/${meeting.meetingId}/transcript`);
      await page.goto(`${url}/#/meetings/${meeting.meetingId}`);
      await expectLoading(page, '.skeleton-page', /^Loading the meeting…$/, `meeting-${viewport.width}`);
      const playerTop = await top(page, '.skeleton-player');

      detail.release();
      await page.locator('.chapter-link').first().waitFor();
      expect(Math.abs((await top(page, '.player-bar')) - playerTop)).toBeLessThanOrEqual(JUMP_TOLERANCE_PX);
      // The transcript, still on its way, has its own outline.
      await expectLoading(page, '.transcript > div', /^Loading the transcript…$/, `meeting-transcript-${viewport.width}`);

      transcript.release();
      await page.locator('.transcript-scroller .utterance').first().waitFor();
      await expectLoaded(page, `meeting-${viewport.width}`);
      await page.close();
    }, LONG);

    it(`the search page shows result groups in outline until the hits come (${viewport.width} px)`, async () => {
      const page = await signedIn(viewport);
      const api = await slowApi(page, (path) => path === '/api/search');
      await page.goto(`${url}/#/search?q=remote`);
      await expectLoading(page, '.search-results', /^Searching…$/, `search-${viewport.width}`);
      const skeletonTop = await top(page, '.search-results > *');

      api.release();
      await page.locator('.hit').first().waitFor();
      expect(Math.abs((await top(page, '.search-results > *')) - skeletonTop)).toBeLessThanOrEqual(JUMP_TOLERANCE_PX);
      expect(await page.locator('.status').first().textContent()).toMatch(/^\d+ match(es)?\.$/);
      await expectLoaded(page, `search-${viewport.width}`);
      await page.close();
    }, LONG);
  }

  it('pulses, except under prefers-reduced-motion', async () => {
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await signedIn(WIDTHS[1]);
      await page.emulateMedia({ reducedMotion });
      const api = await slowApi(page, (path) => path === '/api/meetings');
      await page.goto(`${url}/#/meetings`);
      const name = await page.locator('.meeting-list .bone').first().evaluate((element: BrowserElement) => getComputedStyle(element).animationName);
      api.release();
      await page.close();
      return name;
    };
    expect(await animationOf('no-preference')).toBe('bone-pulse');
    expect(await animationOf('reduce')).toBe('none');
  }, LONG);
});
