import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../lib/domain/errors.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { FallbackUnderstander } from '../../lib/domain/understanding/FallbackUnderstander.js';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakes/fakeOpenAiServer.js';
import { CHROMIUM, launchChromium, openPage } from '../support/chromium.js';
import { freePort } from '../support/freePort.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// The callbacks given to page.evaluate run in the browser. The root project has no DOM types,
// so they get the few shapes they use, declared here (module scope: nothing leaks elsewhere).
interface BrowserElement {
  className: string;
  getAttribute(name: string): string | null;
}
interface BrowserBox {
  top: number;
  bottom: number;
}
interface BrowserRow {
  getBoundingClientRect(): BrowserBox;
  closest(selector: string): BrowserRow | null;
}
interface BrowserAudio {
  currentTime: number;
  readyState: number;
  play(): Promise<void>;
  pause(): void;
}
declare const document: {
  activeElement: BrowserElement | null;
  querySelector(selector: 'audio'): BrowserAudio | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare const window: { pwned?: number; notReloaded?: boolean };
declare const localStorage: { getItem(key: string): string | null };
declare const getComputedStyle: (element: BrowserElement) => { outlineStyle: string };

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const PHONE = { width: 375, height: 740 };
const LONG = 120_000;
const MARKUP_TITLE = '<img src=x onerror=window.pwned=1>';

/**
 * The UI in a real browser against a real local stack: sign in with an API key, open a
 * processed meeting, seek by chapter (mouse and keyboard), play and follow the transcript,
 * download subtitles, fit a phone screen, search and jump to a hit.
 */
describe.skipIf(!existsSync(CHROMIUM))('web UI in Chromium', () => {
  let fixture: StackFixture;
  /** Two sample meetings: the standup has action items, both talk about a remote control. */
  let kickoff: MeetingView;
  let meeting: MeetingView;
  let broken: MeetingView;
  let apiKey: string;
  let ui: { url: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    const sample = async (key: string, name: string) =>
      fixture.process(key, await sampleBytes(`recordings/${name}.ogg`), { ext: 'vtt', text: await sampleBytes(`recordings/${name}.vtt`) });
    kickoff = await sample('recordings/kickoff.ogg', 'kickoff-es2002a');
    meeting = await sample('recordings/standup.ogg', 'standup-is1008b');
    expect([kickoff.state, meeting.state]).toEqual(['ready', 'ready']);
    // A recording that fails intake, named like markup: the UI must show both as plain text.
    broken = await fixture.process(`recordings/${MARKUP_TITLE}.ogg`, new Uint8Array([1, 2, 3, 4]));
    expect(broken.state).toBe('failed');
    apiKey = await fixture.apiKey();
    ui = serveUi(fixture);
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await openPage(browser, { width: 1280, height: 900 }, { acceptDownloads: true });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const audioTime = () => page.locator('audio').evaluate((audio: BrowserAudio) => audio.currentTime);
  const waitForAudio = () => page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
  const shot = (name: string) => saveShot(page, name);

  it('signs in with an API key and lists the meeting', async () => {
    await page.goto(`${ui.url}/`);
    await page.waitForURL(/#\/signin$/);
    await expect.poll(() => page.locator('#skip-link').count()).toBe(1);
    await shot('signin');

    await page.fill('#api-key', 'ak_wrong_key');
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/rejected the key/);

    // An API that cannot be reached is said in words, not as the browser's "Failed to fetch".
    await page.fill('#api-base', `http://127.0.0.1:${await freePort()}`);
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Could not reach aftercall/);
    await page.fill('#api-base', '');

    await page.fill('#api-key', apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/meetings$/);
    // Exact names: a meeting titled by its first chapter ("Project") is also a part of other links' names.
    await page.getByRole('link', { name: meeting.title, exact: true }).first().waitFor();
    await page.getByRole('link', { name: kickoff.title, exact: true }).first().waitFor();
    expect(await page.locator('.meeting-row .badge-ready').count()).toBe(2);
    // The failed one says where and why, and its title is text, not markup.
    const failed = page.locator('.meeting-row', { has: page.locator('.badge-failed') });
    expect(await failed.locator('.meeting-title').textContent()).toBe(broken.title);
    expect(broken.title).toContain('<img');
    expect(await failed.locator('.failure').textContent()).toContain('Failed in intake: UnsupportedRecordingError');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    await shot('meetings');
    // The key is kept for the next visit, never put into a URL.
    expect(await page.evaluate(() => localStorage.getItem('aftercall.apiKey'))).toBe(apiKey);
    expect(page.url()).not.toContain(apiKey);
  }, LONG);

  it('opens the meeting and seeks the player to a chapter and to an action item', async () => {
    await page.getByRole('link', { name: meeting.title }).click();
    await page.waitForURL(new RegExp(`#/meetings/${meeting.meetingId}$`));
    await page.locator('.chapter-link').first().waitFor();
    await page.locator('.utterance').first().waitFor();
    await waitForAudio();
    expect(await page.locator('h1').textContent()).toBe(meeting.title);
    expect(await page.locator('.action-items li').count()).toBe(2);
    expect(await page.locator('.action-items').textContent()).toContain('Owner: Project Manager');
    // The stand-up settles nothing: the Decisions card says so rather than being left out (under its AI label).
    expect(await page.locator('section[aria-labelledby="decisions-heading"]').textContent()).toBe('DecisionsAI-generated — may be inaccurate · aftercall-extractiveNo decisions.');
    // Every generated result is labelled under its heading: summary, decisions, action items, chapters.
    const labelled = await page.locator('.ai-label').evaluateAll((labels) => labels.map((label) => [label.previousElementSibling?.textContent, label.textContent]));
    expect(labelled).toEqual(['Summary', 'Decisions', 'Action items', 'Chapters'].map((heading) => [heading, 'AI-generated — may be inaccurate · aftercall-extractive']));

    // The samples have one chapter, at 0:00: move away first so the seek shows.
    await page.locator('audio').evaluate((audio: BrowserAudio) => (audio.currentTime = 60));
    await expect.poll(audioTime).toBeCloseTo(60, 0);
    const chapter = page.locator('.chapter-link').first();
    const chapterMs = Number(await chapter.getAttribute('data-start-ms'));
    await chapter.click();
    await expect.poll(audioTime).toBeCloseTo(chapterMs / 1000, 0);
    expect(page.url()).toContain(`?t=${chapterMs}`);

    const item = page.locator('.action-link').last();
    const itemMs = Number(/t=(\d+)/.exec((await item.getAttribute('href')) ?? '')?.[1]);
    expect(itemMs).toBeGreaterThan(60_000);
    await item.click();
    await expect.poll(audioTime).toBeCloseTo(itemMs / 1000, 0);
    // Seeking highlights the utterance said then, and the URL can be shared.
    const current = page.locator('.utterance.current');
    expect(Number(await current.getAttribute('data-start-ms'))).toBeLessThanOrEqual(itemMs);
    expect(page.url()).toContain(`?t=${itemMs}`);
    // The transcript box scrolled to it (smoothly, so give it a moment).
    await expect.poll(() => current.evaluate(topInScroller)).toBe(true);
    await shot('meeting-desktop');
  }, LONG);

  it('follows the audio in the transcript as it plays', async () => {
    await page.locator('audio').evaluate((audio: BrowserAudio) => {
      audio.currentTime = 20;
      return audio.play();
    });
    await expect.poll(audioTime, { timeout: 10_000 }).toBeGreaterThan(21);
    await page.locator('audio').evaluate((audio: BrowserAudio) => audio.pause());
    const now = (await audioTime()) * 1000;
    const current = page.locator('.utterance.current');
    expect(await current.count()).toBe(1);
    const start = Number(await current.getAttribute('data-start-ms'));
    expect(start).toBeLessThanOrEqual(now);
    // It is the last utterance to have started.
    const starts = await page.locator('.utterance').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-start-ms'))));
    expect(starts.filter((s) => s <= now).at(-1)).toBe(start);
    expect(await current.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => current.evaluate(topInScroller)).toBe(true);
  }, LONG);

  it('is usable with the keyboard alone', async () => {
    await page.locator('audio').evaluate((audio: BrowserAudio) => (audio.currentTime = 30));
    await page.locator('h1').focus();
    const focused = () => page.evaluate(() => document.activeElement?.className ?? '');
    const tabTo = async (className: string) => {
      for (let presses = 0; presses < 80 && !(await focused()).split(' ').includes(className); presses += 1) await page.keyboard.press('Tab');
      expect((await focused()).split(' ')).toContain(className);
    };

    await tabTo('chapter-link');
    const first = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-start-ms')));
    // The focus ring is visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as BrowserElement).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(audioTime).toBeCloseTo(first / 1000, 0);

    // Shift+Tab back to an action item (they come before the chapters, each followed by its Edit button); Enter seeks there.
    for (let presses = 0; presses < 3 && (await focused()) !== 'action-link'; presses += 1) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('action-link');
    const item = Number(/t=(\d+)/.exec((await page.evaluate(() => document.activeElement?.getAttribute('href'))) ?? '')?.[1]);
    await page.keyboard.press('Enter');
    await expect.poll(audioTime).toBeCloseTo(item / 1000, 0);

    // Transcript rows are buttons: focusable, and Enter (or Space) seeks to them.
    await tabTo('utterance');
    for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press('Tab');
    const row = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-start-ms')));
    expect(row).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(audioTime).toBeCloseTo(row / 1000, 0);
    await page.keyboard.press('Tab');
    const next = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-start-ms')));
    await page.keyboard.press('Space');
    await expect.poll(audioTime).toBeCloseTo(next / 1000, 0);
    expect(await page.locator('.utterance.current').getAttribute('data-start-ms')).toBe(String(next));
  }, LONG);

  it('downloads WebVTT and SRT with the key', async () => {
    for (const [name, format, firstLine] of [['Download WebVTT', 'vtt', 'WEBVTT'], ['Download SRT', 'srt', '1']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const path = await download.path();
      expect((await readFile(path, 'utf8')).split(/\r?\n/)[0]).toBe(firstLine);
    }
  }, LONG);

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    for (const hash of [`#/meetings/${meeting.meetingId}`, '#/meetings', '#/search?q=remote+control']) {
      await page.goto(`${ui.url}/${hash}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, hash).toBeLessThanOrEqual(widths.client);
    }
    await page.goto(`${ui.url}/#/meetings/${meeting.meetingId}`);
    await page.locator('.utterance').first().waitFor();
    await shot('meeting-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, LONG);

  it('searches the archive and jumps to the moment of a hit', async () => {
    await page.goto(`${ui.url}/#/search`);
    await page.fill('#search-q', 'remote control');
    await page.selectOption('#search-kind', 'transcript');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=remote\+control&kind=transcript$/);
    const hit = page.locator('a.hit').first();
    await hit.waitFor();
    // Hits are grouped under their meetings' titles.
    expect((await page.locator('.hit-group h2').allTextContents()).sort()).toEqual([kickoff.title, meeting.title].sort());
    // «…» in the snippet became <mark>, as text.
    expect((await page.locator('.hit mark').first().textContent())?.toLowerCase()).toMatch(/remote|control/);
    expect(await page.locator('.snippet').first().textContent()).not.toMatch(/[«»]/);
    await shot('search');

    const href = (await hit.getAttribute('href')) ?? '';
    const atMs = Number(/t=(\d+)/.exec(href)?.[1]);
    const hitMeeting = decodeURIComponent(/#\/meetings\/([^?]+)/.exec(href)?.[1] ?? '');
    expect([kickoff.meetingId, meeting.meetingId]).toContain(hitMeeting);
    await hit.click();
    await page.waitForURL(new RegExp(`#/meetings/${hitMeeting}\\?t=${atMs}$`));
    await waitForAudio();
    // It opens playing from the moment (test/web/playback.test.ts covers playback).
    await expect.poll(audioTime).toBeGreaterThanOrEqual(atMs / 1000 - 0.3);
    expect(await audioTime()).toBeLessThan(atMs / 1000 + 3);
    await page.locator('.utterance.current').waitFor();
    await page.locator('audio').evaluate((audio: BrowserAudio) => audio.pause());
    await shot('meeting-from-search');
  }, LONG);

  it('answers a question about the archive, each sentence linked to its moment and labelled as AI-generated', async () => {
    await page.goto(`${ui.url}/#/search`);
    await page.fill('#ask-q', 'What did they say about the remote control?');
    await page.getByRole('button', { name: 'Ask' }).click();
    const citation = page.locator('.ask-sentences a.citation').first();
    await citation.waitFor();
    expect(await page.locator('.ask .ai-label').textContent()).toContain('AI-generated — may be inaccurate');
    expect((await page.locator('.ask-sentences mark').first().textContent())?.toLowerCase()).toMatch(/remote|control/);
    const href = (await citation.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`#/meetings/(${kickoff.meetingId}|${meeting.meetingId})\\?t=\\d+$`));
    await shot('ask');

    await page.fill('#ask-q', 'xylophone quantum entanglement');
    await page.getByRole('button', { name: 'Ask' }).click();
    await expect.poll(async () => page.locator('.ask [role=status]').textContent()).toBe('No passage in the archive answers this.');
    expect(await page.locator('.ask-sentences').count()).toBe(0);
  }, LONG);
});

/** In the browser: is the row's top within the visible part of the transcript box? */
function topInScroller(row: BrowserRow): boolean {
  const box = row.getBoundingClientRect();
  const outer = row.closest('.transcript-scroller')?.getBoundingClientRect();
  return outer !== undefined && box.top >= outer.top - 1 && box.top < outer.bottom;
}

function saveShot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

async function signIn(page: Page, url: string, apiKey: string): Promise<void> {
  await page.goto(`${url}/#/signin`);
  await page.fill('#api-key', apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/#\/meetings$/);
}

describe.skipIf(!existsSync(CHROMIUM))('web UI translations in Chromium', () => {
  let openai: FakeOpenAiServer;
  let fixture: StackFixture;
  let ui: { url: string };
  let browser: Browser;

  beforeAll(async () => {
    // OpenAI's wire format on loopback: its translations are the original text prefixed "[fr] ".
    openai = await startFakeOpenAiServer({ apiKey: 'sk-test-key', embeddingDimensions: 256 });
    fixture = await startStackFixture({
      http: true,
      port: 0,
      env: { OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: openai.url, OPENAI_EMBEDDING_DIMENSIONS: '256' },
    });
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, targetLanguages: ['fr'] }), 'application/json');
    ui = serveUi(fixture);
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
    await openai?.close();
  });

  it('switches the transcript to a translation and downloads its WebVTT', async () => {
    const meeting = await fixture.process('recordings/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), {
      ext: 'vtt',
      text: await sampleBytes('recordings/kickoff-es2002a.vtt'),
    });
    expect(meeting.manifest?.translations).toEqual([expect.objectContaining({ language: 'fr', state: 'succeeded' })]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ui.url, await fixture.apiKey());
    await page.goto(`${ui.url}/#/meetings/${meeting.meetingId}`);
    const firstText = page.locator('.utterance-text').first();
    await firstText.waitFor();
    const original = (await firstText.textContent()) ?? '';

    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => firstText.textContent()).toMatch(/^\[fr\] /);
    expect(await firstText.getAttribute('lang')).toBe('fr');
    // Translations exist as JSON and WebVTT only.
    expect(await page.getByRole('button', { name: 'Download SRT' }).isDisabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download WebVTT' }).click()]);
    // Named after the meeting's title (here the first chapter's, as the fake model wrote it), with the language.
    expect(download.suggestedFilename()).toBe(`${meeting.title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '')}.fr.vtt`);
    expect(await readFile(await download.path(), 'utf8')).toContain('[fr] ');
    await page.screenshot({ path: new URL('meeting-translated.png', SCREENSHOTS).pathname });

    await page.getByLabel('Language').selectOption('');
    await expect.poll(() => firstText.textContent()).toBe(original);
    await page.close();
  }, LONG);
});

describe.skipIf(!existsSync(CHROMIUM))('web UI meeting states and streamed audio in Chromium', () => {
  const tenant = 'demo';
  const keys = { ready: 'recordings/standup.ogg', degraded: 'recordings/kickoff.ogg', later: 'recordings/later.ogg' };
  const ids = { ready: deriveMeetingId(tenant, keys.ready), degraded: deriveMeetingId(tenant, keys.degraded), later: deriveMeetingId(tenant, keys.later) };
  /** The understand step waits for this: how a meeting is held in processing while the page is open. */
  let hold: Promise<void> = Promise.resolve();
  let fixture: StackFixture;
  let ui: { url: string };
  let browser: Browser;
  let page: Page;
  let broken: MeetingView;

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      // A "language model" that is down for one meeting: the offline engine takes over and the manifest says why.
      depsOverrides: (built) => ({
        understander: new FallbackUnderstander(
          {
            name: 'test-model',
            understand: async (transcript, options) => {
              await hold;
              if (transcript.meetingId === ids.degraded) throw new ProviderUnavailableError('the test model is down');
              return built.understander.understand(transcript, options);
            },
          },
          built.understander,
        ),
      }),
    });
    const sample = async (key: string, name: string) =>
      fixture.process(key, await sampleBytes(`recordings/${name}.ogg`), { ext: 'vtt', text: await sampleBytes(`recordings/${name}.vtt`) });
    expect(await sample(keys.ready, 'standup-is1008b')).toMatchObject({ state: 'ready', degraded: false });
    expect(await sample(keys.degraded, 'kickoff-es2002a')).toMatchObject({ state: 'ready', degraded: true });
    broken = await fixture.process('recordings/broken.ogg', new Uint8Array([1, 2, 3, 4]));
    expect(broken.state).toBe('failed');
    ui = serveUi(fixture);
    browser = await launchChromium();
    page = await openPage(browser, { width: 1280, height: 900 });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const row = (meetingId: string) => page.locator('.meeting-row', { has: page.locator(`a[href="#/meetings/${meetingId}"]`) });

  it('shows a processing meeting turn ready without a reload, a degraded one with its reason, a failed one with its reason', async () => {
    let release = () => undefined as void;
    hold = new Promise<void>((resolve) => (release = resolve));
    await fixture.stack.deps.blobs.put(keys.later.replace(/\.ogg$/, '.vtt'), await sampleBytes('recordings/standup-is1008b.vtt'), 'text/vtt');
    await fixture.stack.deps.blobs.put(keys.later, await sampleBytes('recordings/standup-is1008b.ogg'), 'audio/ogg');
    await expect.poll(async () => (await getMeeting(fixture.stack.deps.blobs, tenant, ids.later))?.state ?? null, { timeout: 20_000 }).toBe('processing');

    await signIn(page, ui.url, await fixture.apiKey({ role: 'member' }));
    await row(ids.later).locator('.badge-processing').waitFor();
    expect(await page.getByRole('status').first().textContent()).toMatch(/still processing; this list refreshes itself/);
    await page.evaluate(() => (window.notReloaded = true));
    await saveShot(page, 'meetings-processing');

    release();
    await row(ids.later).locator('.badge-ready').waitFor({ timeout: 30_000 });
    expect(await row(ids.later).locator('.badge-processing').count()).toBe(0);
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);

    const degraded = row(ids.degraded);
    expect(await degraded.locator('.badge-degraded').textContent()).toBe('degraded');
    await expect.poll(() => degraded.locator('.degraded-reason').textContent()).toMatch(/^Degraded: understand — test-model failed \(ProviderUnavailableError: the test model is down\)/);
    expect(await row(ids.ready).locator('.badge-degraded').count()).toBe(0);
    expect(await row(broken.meetingId).locator('.failure').textContent()).toMatch(/^Failed in intake: UnsupportedRecordingError — /);
    await saveShot(page, 'meetings-states');

    // The meeting page says the same.
    await page.goto(`${ui.url}/#/meetings/${ids.degraded}`);
    await expect.poll(() => page.locator('.degraded-reason').textContent()).toContain('the test model is down');
  }, LONG);

  it('streams the recording from a signed URL: no key in it, Range requests answered 206', async () => {
    const audioRequests: { url: string; range: string | null; authorization: string | null; status: number }[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/audio?')) return;
      const headers = response.request().headers();
      audioRequests.push({ url: response.url(), range: headers.range ?? null, authorization: headers.authorization ?? null, status: response.status() });
    });
    await page.goto(`${ui.url}/#/meetings/${ids.ready}`);
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
    const src = await page.locator('audio').getAttribute('src');
    expect(src).toMatch(new RegExp(`/api/meetings/${ids.ready}/audio\\?tenant=demo&expires=\\d+&sig=[\\w-]{43}$`));

    await page.locator('audio').evaluate((audio: BrowserAudio) => {
      audio.currentTime = 30;
      return audio.play();
    });
    await expect.poll(() => page.locator('audio').evaluate((audio: BrowserAudio) => audio.currentTime), { timeout: 10_000 }).toBeGreaterThan(31);
    await page.locator('audio').evaluate((audio: BrowserAudio) => audio.pause());
    await saveShot(page, 'meeting-streaming');

    expect(audioRequests.length).toBeGreaterThan(0);
    expect(audioRequests.every((request) => request.url.endsWith(src ?? '') && request.authorization === null)).toBe(true);
    expect(audioRequests.some((request) => request.range !== null && request.status === 206)).toBe(true);
  }, LONG);
});

/** The UI and the API on one origin: the stack's own server serves both. */
function serveUi(fixture: StackFixture): { url: string } {
  if (fixture.stack.httpUrl === null) throw new Error('the browser tests need the stack started with http');
  return { url: fixture.stack.httpUrl };
}
