import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// The callbacks given to page.evaluate run in the browser; the root project has no DOM types.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const getComputedStyle: (element: unknown) => any;

/** Screenshots to look at, outside the repository. */
const SHOTS = join(tmpdir(), 'aftercall-playback-screenshots');
const LONG = 120_000;
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

interface AudioState {
  paused: boolean;
  at: number;
}

const audioState = (page: Page): Promise<AudioState> => page.locator('audio').evaluate((audio: any) => ({ paused: audio.paused as boolean, at: audio.currentTime as number }));
const pauseAt = (page: Page, seconds: number) =>
  page.locator('audio').evaluate((audio: any, at: number) => {
    audio.pause();
    audio.currentTime = at;
  }, seconds);
/** Playing, from about `ms` (it has played a little since). */
async function expectPlayingFrom(page: Page, ms: number): Promise<void> {
  await expect.poll(async () => (await audioState(page)).paused, { timeout: 10_000 }).toBe(false);
  const { at } = await audioState(page);
  expect(at).toBeGreaterThanOrEqual(ms / 1000 - 0.3);
  expect(at).toBeLessThan(ms / 1000 + 3);
}

/** In the browser: where the current line is against the sticky player, the viewport and (if it is one) the transcript box. */
function currentLinePlace(): { inView: boolean; belowPlayer: boolean; start: number } {
  const row = document.querySelector('.utterance.current');
  if (row === null) return { inView: false, belowPlayer: false, start: -1 };
  const box = row.getBoundingClientRect();
  const bar = document.querySelector('.player-bar').getBoundingClientRect();
  const scroller = document.querySelector('.transcript-scroller');
  const isBox = getComputedStyle(scroller).overflowY !== 'visible';
  const outer = isBox ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  return {
    inView: box.top >= outer.top - 1 && box.top < outer.bottom && box.top < window.innerHeight,
    belowPlayer: box.top >= bar.bottom - 1,
    start: Number(row.getAttribute('data-start-ms')),
  };
}

/** In the browser: the page's scroll, or the transcript box's where it is one. */
function transcriptScroll(): number {
  const scroller = document.querySelector('.transcript-scroller');
  return getComputedStyle(scroller).overflowY !== 'visible' ? scroller.scrollTop : window.scrollY;
}

/**
 * Playback on the meeting page in a real browser against a real local stack, at 1280 and 375 px:
 * every way of choosing a moment seeks and plays; the line being said stays in view (in the page
 * itself on a phone) below the sticky player until the user scrolls by hand; nothing lands under
 * the player; keyboard shortcuts; a skip link past the transcript; focus on the heading after
 * navigation; a refused autoplay. axe finds nothing; screenshots go to a temp folder.
 */
describe.skipIf(!existsSync(CHROMIUM))('meeting page playback in Chromium', () => {
  let fixture: StackFixture;
  let browser: Browser;
  let apiKey: string;
  let kickoff: MeetingView;
  let standup: MeetingView;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    const sample = async (key: string, name: string) =>
      fixture.process(key, await sampleBytes(`recordings/${name}.ogg`), { ext: 'vtt', text: await sampleBytes(`recordings/${name}.vtt`) });
    kickoff = await sample('recordings/kickoff.ogg', 'kickoff-es2002a');
    standup = await sample('recordings/standup.ogg', 'standup-is1008b');
    expect([kickoff.state, standup.state]).toEqual(['ready', 'ready']);
    apiKey = await fixture.apiKey();
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await fixture?.close();
  });

  const url = () => fixture.stack.httpUrl ?? '';
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  /** A signed-in tab, its console errors collected. */
  async function signedIn(on: Browser, viewport: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext; consoleErrors: string[] }> {
    const context = await on.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => (message.type() === 'error' ? consoleErrors.push(message.text()) : undefined));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(`${url()}/#/signin`);
    await page.fill('#api-key', apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/meetings$/);
    return { page, context, consoleErrors };
  }
  const openMeeting = async (page: Page, meeting: MeetingView, at?: number) => {
    await page.goto(`${url()}/#/meetings/${meeting.meetingId}${at === undefined ? '' : `?t=${at}`}`);
    await page.locator('.utterance').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
  };

  for (const { name, viewport } of WIDTHS) {
    describe(`at ${viewport.width} px`, () => {
      let page: Page;
      let consoleErrors: string[];
      beforeAll(async () => {
        ({ page, consoleErrors } = await signedIn(browser, viewport));
      }, LONG);

      it('a chapter, an action item, a transcript line and an Ask citation seek and play; a search hit opens the meeting playing, focus on its heading', async () => {
        await openMeeting(page, standup);
        const chapter = page.locator('.chapter-link').first();
        await pauseAt(page, 100);
        await chapter.click();
        await expectPlayingFrom(page, Number(await chapter.getAttribute('data-start-ms')));

        const item = page.locator('.action-link').last();
        const itemMs = Number(/t=(\d+)/.exec((await item.getAttribute('href')) ?? '')?.[1]);
        await pauseAt(page, 5);
        await item.click();
        await expectPlayingFrom(page, itemMs);
        expect(page.url()).toContain(`?t=${itemMs}`);

        const line = page.locator('.utterance').nth(8);
        const lineMs = Number(await line.getAttribute('data-start-ms'));
        await pauseAt(page, 5);
        await line.click();
        await expectPlayingFrom(page, lineMs);
        expect(await line.getAttribute('aria-current')).toBe('true');

        // An Ask citation of this meeting plays here: no reload, the answer stays.
        await openMeeting(page, kickoff);
        await page.fill('#ask-q', 'What did they say about the remote control?');
        await page.getByRole('button', { name: 'Ask' }).click();
        const citation = page.locator('.ask-sentences a.citation').last();
        await citation.waitFor();
        const citationMs = Number(/t=(\d+)/.exec((await citation.getAttribute('href')) ?? '')?.[1]);
        await pauseAt(page, citationMs / 1000 > 100 ? 5 : 200);
        await page.evaluate(() => (window.notReloaded = true));
        await citation.click();
        await expectPlayingFrom(page, citationMs);
        expect(await page.evaluate(() => window.notReloaded)).toBe(true);
        expect(await citation.isVisible()).toBe(true);
        expect(page.url()).toContain(`?t=${citationMs}`);

        // A search hit opens its meeting at the moment, playing; focus is on the page heading, not <body>.
        await page.goto(`${url()}/#/search?q=remote+control&kind=transcript`);
        const hit = page.locator('a.hit').first();
        await hit.waitFor();
        const hitMs = Number(/t=(\d+)/.exec((await hit.getAttribute('href')) ?? '')?.[1]);
        await hit.click();
        await page.locator('.utterance.current').waitFor({ timeout: 60_000 });
        await expectPlayingFrom(page, hitMs);
        await expect.poll(() => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual(['H1', expect.not.stringMatching(/^Meeting$/)]);
        expect([kickoff.title, standup.title]).toContain(await page.evaluate(() => document.activeElement.textContent));
        await page.locator('audio').evaluate((audio: any) => audio.pause());
        expect(consoleErrors).toEqual([]);
      }, LONG);

      it('keeps the line being said in view below the player; scrolling by hand pauses following and "Back to current line" resumes it', async () => {
        await openMeeting(page, kickoff);
        const scroller = page.locator('.transcript-scroller');
        const layout = await scroller.evaluate((box: any) => ({ overflow: getComputedStyle(box).overflowY, scrolls: box.scrollHeight > box.clientHeight + 1 }));
        // A scroll box beside the notes on a wide screen; on a phone the lines flow in the page.
        if (name === 'phone') expect(layout).toEqual({ overflow: 'visible', scrolls: false });
        else expect(layout).toEqual({ overflow: 'auto', scrolls: true });
        await page.evaluate(() => window.scrollTo(0, 0));

        // Playing from the player itself (not a jump): the lines follow as they come.
        await page.locator('audio').evaluate((audio: any) => {
          audio.currentTime = 65;
          return audio.play();
        });
        const seen = new Set<number>();
        while (seen.size < 4) {
          await expect.poll(() => page.evaluate(currentLinePlace), { timeout: 10_000 }).toMatchObject({ inView: true, belowPlayer: true });
          seen.add((await page.evaluate(currentLinePlace)).start);
          await page.waitForTimeout(400);
        }
        await shot(page, `follow-${name}`);

        // By hand: the wheel over the transcript (the page, on a phone).
        const target = await scroller.boundingBox();
        await page.mouse.move((target?.x ?? 0) + 40, name === 'phone' ? 400 : (target?.y ?? 0) + 100);
        await page.mouse.wheel(0, -700);
        const resume = page.getByRole('button', { name: 'Back to current line' });
        await resume.waitFor();
        await page.waitForTimeout(600);
        const byHand = await page.evaluate(transcriptScroll);
        const lineThen = (await page.evaluate(currentLinePlace)).start;
        await expect.poll(async () => (await page.evaluate(currentLinePlace)).start, { timeout: 10_000 }).not.toBe(lineThen);
        expect(await page.evaluate(transcriptScroll)).toBe(byHand);
        await shot(page, `follow-paused-${name}`);

        await resume.click();
        await expect.poll(() => page.evaluate(currentLinePlace), { timeout: 10_000 }).toMatchObject({ inView: true, belowPlayer: true });
        expect(await resume.isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('current'))).toBe(true);

        // Reduced motion: the jump back is instant, not smooth.
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.waitForTimeout(1_000);
        for (let wheels = 0; wheels < 4 && (await page.evaluate(currentLinePlace)).inView; wheels += 1) {
          await page.mouse.wheel(0, -700);
          await page.waitForTimeout(600);
        }
        await resume.waitFor();
        expect((await page.evaluate(currentLinePlace)).inView).toBe(false);
        const jump = await page.evaluate(() => {
          const scroller = document.querySelector('.transcript-scroller');
          const read = () => (getComputedStyle(scroller).overflowY !== 'visible' ? scroller.scrollTop : window.scrollY);
          const before = read();
          document.querySelector('.follow-along').click();
          return { before, right: read() };
        });
        expect(jump.right).not.toBe(jump.before);
        expect(await page.evaluate(currentLinePlace)).toMatchObject({ inView: true, belowPlayer: true });
        await page.emulateMedia({ reducedMotion: null });
        await page.locator('audio').evaluate((audio: any) => audio.pause());
      }, LONG);

      it('the sticky player covers nothing: --player-height is its height, and what Tab and jumps reach lands below it', async () => {
        await openMeeting(page, kickoff);
        const heights = await page.evaluate(() => ({
          variable: document.documentElement.style.getPropertyValue('--player-height'),
          bar: Math.ceil(document.querySelector('.player-bar').getBoundingClientRect().height),
        }));
        expect(heights.variable).toBe(`${heights.bar}px`);

        // Card headings scrolled to (as a jump or a link to them would) end below the player.
        const headings = await page.evaluate(() =>
          [...document.querySelectorAll('main h2')].map((heading: any) => {
            heading.scrollIntoView({ block: 'start' });
            const bar = document.querySelector('.player-bar').getBoundingClientRect();
            return { text: heading.textContent, top: heading.getBoundingClientRect().top, barBottom: bar.bottom };
          }),
        );
        expect(headings.length).toBeGreaterThan(5);
        for (const heading of headings) expect(heading.top, heading.text).toBeGreaterThanOrEqual(heading.barBottom - 1);

        // Tab from the heading to the end of the transcript's first lines: nothing focused is under the player.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('h1').focus();
        const covered: string[] = [];
        for (let presses = 0; presses < 70; presses += 1) {
          await page.keyboard.press('Tab');
          const place = await page.evaluate(() => {
            const focused = document.activeElement;
            if (focused === null || focused === document.body || focused.closest('.player-bar')) return null;
            const box = focused.getBoundingClientRect();
            const bar = document.querySelector('.player-bar').getBoundingClientRect();
            return { what: `${focused.tagName}.${focused.className} ${focused.textContent.slice(0, 30)}`, covered: box.bottom > bar.top + 1 && box.top < bar.bottom - 1 };
          });
          if (place?.covered) covered.push(place.what);
        }
        expect(covered).toEqual([]);
      }, LONG);

      it('keyboard shortcuts: Space plays and pauses, ←/→ seek 5 s, j/k step lines; never while typing, with a modifier, or on a button Space presses', async () => {
        await openMeeting(page, kickoff);
        const help = page.locator('details.shortcuts');
        expect(await help.locator('summary').textContent()).toBe('Keyboard shortcuts');
        expect(await page.locator('audio').getAttribute('aria-keyshortcuts')).toBe('Space ArrowLeft ArrowRight J K');
        await pauseAt(page, 60);
        await page.locator('h1').focus();

        await page.keyboard.press('Space');
        await expect.poll(async () => (await audioState(page)).paused).toBe(false);
        await page.keyboard.press('Space');
        await expect.poll(async () => (await audioState(page)).paused).toBe(true);
        await pauseAt(page, 60);
        await page.keyboard.press('ArrowRight');
        expect((await audioState(page)).at).toBeCloseTo(65, 1);
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        expect((await audioState(page)).at).toBeCloseTo(55, 1);
        // With a modifier the keys are the browser's and the screen reader's.
        for (const key of ['Control+ArrowRight', 'Alt+ArrowRight', 'Meta+ArrowRight', 'Shift+Space']) await page.keyboard.press(key);
        expect(await audioState(page)).toEqual({ paused: true, at: expect.closeTo(55, 1) });

        const starts = await page.locator('.utterance').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-start-ms'))));
        const saying = starts.filter((start) => start <= 55_000).length - 1;
        await page.keyboard.press('j');
        await expectPlayingFrom(page, starts[saying + 1] ?? -1);
        await page.keyboard.press('j');
        await expectPlayingFrom(page, starts[saying + 2] ?? -1);
        await page.keyboard.press('k');
        await expectPlayingFrom(page, starts[saying + 1] ?? -1);
        expect(Number(await page.locator('.utterance.current').getAttribute('data-start-ms'))).toBe(starts[saying + 1]);
        // Screen readers hear where it went.
        await expect.poll(() => page.locator('.player-bar .playback-announcer').textContent()).toMatch(/^\d+:\d\d /);
        await pauseAt(page, 55);

        // Typing in the Ask box: the keys are the text's.
        await page.locator('#ask-q').click();
        await page.keyboard.type('j k ');
        await page.keyboard.press('ArrowLeft');
        expect(await page.locator('#ask-q').inputValue()).toBe('j k ');
        expect(await audioState(page)).toEqual({ paused: true, at: expect.closeTo(55, 1) });

        // Space on a focused control presses the control, here the shortcuts' own disclosure.
        await help.locator('summary').focus();
        await page.keyboard.press('Space');
        expect(await help.getAttribute('open')).toBe('');
        expect((await audioState(page)).paused).toBe(true);
        expect(await help.textContent()).toContain('Play or pause');
        await help.scrollIntoViewIfNeeded();
        await shot(page, `shortcuts-${name}`);
        expect(await axeViolations(page)).toEqual([]);
        expect(consoleErrors).toEqual([]);
      }, LONG);

      it('"Skip transcript" (shown on focus) moves focus past the lines; axe finds nothing', async () => {
        await openMeeting(page, kickoff);
        const skip = page.locator('a.skip-transcript');
        expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
        // It is the tab stop just before the first line.
        await page.locator('.utterance').first().focus();
        await page.keyboard.press('Shift+Tab');
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-transcript');
        const shown = await skip.boundingBox();
        expect(shown?.width ?? 0).toBeGreaterThan(40);
        const bar = await page.locator('.player-bar').boundingBox();
        expect(shown?.y ?? 0).toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0) - 1);
        await shot(page, `skip-transcript-${name}`);
        expect(await axeViolations(page)).toEqual([]);

        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript-end');
        expect(page.url()).toMatch(new RegExp(`#/meetings/${kickoff.meetingId}$`));
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.classList.contains('utterance') ?? false)).toBe(false);
        expect(consoleErrors).toEqual([]);
      }, LONG);
    });
  }

  it('a moment link opened where the browser refuses autoplay: seeked, "press play", no console error, the play button plays', async () => {
    const { context, consoleErrors } = await signedIn(browser, { width: 375, height: 740 });
    // Chrome refuses play() in a document the user has not pressed anything in yet (a moment link
    // opened from a CRM task, say). This headless Chromium (no audio device, --mute-audio) plays
    // regardless of --autoplay-policy, so the page is given that policy: play() rejects exactly as
    // Chrome's does (NotAllowedError) until the first trusted press. The player's own button
    // plays natively, past it, as in a real browser.
    await context.addInitScript({
      content: `(() => {
        let pressed = false;
        const press = (event) => { if (event.isTrusted) pressed = true; };
        addEventListener('pointerdown', press, true);
        addEventListener('keydown', press, true);
        const play = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () {
          return pressed ? play.call(this) : Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError'));
        };
      })();`,
    });
    // A new tab: a document nobody has pressed anything in.
    const page = await context.newPage();
    page.on('console', (message) => (message.type() === 'error' ? consoleErrors.push(message.text()) : undefined));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await openMeeting(page, kickoff, 65_653);
    const hint = page.locator('.player-bar [role=status]', { hasText: 'Press play' });
    await hint.waitFor();
    expect(await hint.textContent()).toBe('Press play (or Space) to listen from 1:05.');
    expect(await audioState(page)).toEqual({ paused: true, at: expect.closeTo(65.653, 1) });
    expect(await page.locator('.utterance.current').getAttribute('data-start-ms')).toBe('65653');
    // The hint made the bar taller: the variable followed.
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.style.getPropertyValue('--player-height'), `${Math.ceil(document.querySelector('.player-bar').getBoundingClientRect().height)}px`]))
      .toSatisfy(([variable, bar]) => variable === bar);
    await shot(page, 'autoplay-refused-phone');

    // The player's own play button plays from there.
    const player = await page.locator('audio').boundingBox();
    await page.mouse.click((player?.x ?? 0) + 24, (player?.y ?? 0) + (player?.height ?? 0) / 2);
    await expectPlayingFrom(page, 65_653);
    await expect.poll(() => page.locator('.player-bar [role=status]', { hasText: 'Press play' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, LONG);
});
