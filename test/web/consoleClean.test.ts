import { PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { axeViolations } from '../support/axe.js';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

declare const localStorage: { setItem(key: string, value: string): void };
interface BrowserElement {
  getBoundingClientRect(): { width: number };
}

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 740 },
] as const;
const LONG = 240_000;
const MISSING_MEETING = `mtg_${'0'.repeat(24)}`;
const SAME_TITLE = 'Weekly sync';
const SAME_TITLE_KEYS = ['calls/2026-11-02/rec-1.ogg', 'calls/2026-11-09/rec-2.ogg'];
const REVOKED_TOKEN = `sl_${'0'.repeat(16)}_${'A'.repeat(43)}`;

interface Visit {
  page: string;
  hash: string;
  /** What shows once the page has loaded what it loads. */
  ready: string;
  /** The tab's title it must set. */
  title: string;
  /** Requests the page is meant to see fail (the error page's own 404): their console line and status are expected. */
  expectedFailure?: RegExp;
}

/**
 * Every page, as a member, an admin and a share link's visitor, at 1280 and 375 px: no console
 * error, no uncaught exception, no failed request and no 4xx/5xx answer — except the one an
 * error page is there to show — axe finds nothing, and the tab's title names the page. A member's meeting page used to ask for
 * the admin-only share-link list and log its 403. And meetings that share a title are told apart
 * in the list by their links' names.
 */
describe.skipIf(!existsSync(CHROMIUM))('web UI: every page as every kind of visitor', () => {
  let fixture: StackFixture;
  let meeting: MeetingView;
  let url: string;
  let browser: Browser;
  const keys: Record<'admin' | 'member', string> = { admin: '', member: '' };
  let shareToken: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    expect(meeting.state).toBe('ready');
    url = fixture.stack.httpUrl ?? '';
    keys.admin = await fixture.apiKey({ role: 'admin' });
    keys.member = await fixture.apiKey({ role: 'member' });
    const created = await fetch(`${url}/api/meetings/${meeting.meetingId}/share-links`, { method: 'POST', headers: { Authorization: `Bearer ${keys.admin}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(created.status).toBe(201);
    shareToken = ((await created.json()) as { token: string }).token;
    // Two more meetings with one title (as two weekly calls would have): their list rows must be told apart.
    const s3 = createS3Client({ region: 'us-east-1', endpoint: fixture.stack.s3.endpoint, credentials: fixture.stack.s3.credentials });
    for (const key of SAME_TITLE_KEYS) {
      await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), await sampleBytes('recordings/kickoff-es2002a.vtt'), 'text/vtt');
      await s3.send(new PutObjectCommand({ Bucket: fixture.stack.config.AFTERCALL_BUCKET, Key: key, Body: await sampleBytes('recordings/kickoff-es2002a.ogg'), ContentType: 'audio/ogg', Metadata: { title: SAME_TITLE } }));
      expect((await fixture.waitFor(deriveMeetingId(fixture.tenantId, key))).state).toBe('ready');
    }
    s3.destroy();
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const keyPages = (): Visit[] => [
    { page: 'meeting list', hash: '#/meetings', ready: '.meeting-row', title: 'Meetings — aftercall' },
    { page: 'meeting', hash: `#/meetings/${meeting.meetingId}`, ready: '.utterance', title: `${meeting.title} — aftercall` },
    { page: 'search', hash: '#/search?q=remote', ready: '.hit-group', title: 'Search — aftercall' },
    { page: 'live', hash: '#/live', ready: '.live-rooms', title: 'Live captions — aftercall' },
    { page: 'shared link', hash: `#/shared/${shareToken}`, ready: '.utterance', title: `${meeting.title} — aftercall` },
    { page: 'error', hash: `#/meetings/${MISSING_MEETING}`, ready: '.error-block', title: 'Meeting — aftercall', expectedFailure: new RegExp(`/api/meetings/${MISSING_MEETING}$`) },
    { page: 'sign-in', hash: '#/signin', ready: '#api-key', title: 'Sign in — aftercall' },
  ];
  const visitorPages = (): Visit[] => [
    { page: 'shared link', hash: `#/shared/${shareToken}`, ready: '.utterance', title: `${meeting.title} — aftercall` },
    { page: 'revoked shared link', hash: `#/shared/${REVOKED_TOKEN}`, ready: '.error-block', title: 'Shared meeting — aftercall', expectedFailure: /\/api\/shared\/meeting$/ },
    { page: 'meeting list (sends to sign-in)', hash: '#/meetings', ready: '#api-key', title: 'Sign in — aftercall' },
    { page: 'sign-in', hash: '#/signin', ready: '#api-key', title: 'Sign in — aftercall' },
  ];

  /** Opens the page in a fresh browser context and returns every problem it logged or met. */
  const problemsOf = async (visit: Visit, viewport: { width: number; height: number }, apiKey: string | null): Promise<string[]> => {
    const context = await browser.newContext({ viewport });
    if (apiKey !== null) await context.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), apiKey);
    const page = await context.newPage();
    const problems: { text: string; url: string }[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push({ text: `console error: ${message.text()}`, url: message.location().url });
    });
    page.on('pageerror', (error) => problems.push({ text: `uncaught: ${String(error)}`, url: '' }));
    page.on('requestfailed', (request) => {
      // The player's own range reads: Chromium's media loader cancels one when it decides to read
      // elsewhere in the file (ERR_ABORTED). A media request that fails otherwise still counts.
      if (request.resourceType() === 'media' && request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push({ text: `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`, url: request.url() });
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push({ text: `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`, url: response.url() });
    });
    try {
      await page.goto(`${url}/${visit.hash}`);
      await page.locator(visit.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const title = await page.title();
      if (title !== visit.title) problems.push({ text: `tab title "${title}", not "${visit.title}"`, url: '' });
      for (const violation of await axeViolations(page)) problems.push({ text: `axe: ${violation.id} (${violation.help}) at ${violation.targets.join(', ')}`, url: '' });
      return problems.filter((problem) => !(visit.expectedFailure?.test(problem.url) ?? false)).map((problem) => problem.text);
    } finally {
      await context.close();
    }
  };

  for (const viewport of WIDTHS) {
    for (const role of ['member', 'admin'] as const) {
      it(`logs no error on any page as ${role === 'admin' ? 'an admin' : 'a member'} (${viewport.width} px)`, async () => {
        const found: string[] = [];
        for (const visit of keyPages()) found.push(...(await problemsOf(visit, viewport, keys[role])).map((problem) => `${visit.page}: ${problem}`));
        expect(found).toEqual([]);
      }, LONG);
    }

    it(`logs no error on a share link's pages as a visitor with no key (${viewport.width} px)`, async () => {
      const found: string[] = [];
      for (const visit of visitorPages()) found.push(...(await problemsOf(visit, viewport, null)).map((problem) => `${visit.page}: ${problem}`));
      expect(found).toEqual([]);
    }, LONG);
  }

  it('names the links of same-titled meetings apart, by when each was recorded', async () => {
    const context = await browser.newContext({ viewport: WIDTHS[1] });
    await context.addInitScript((key) => localStorage.setItem('aftercall.apiKey', key), keys.member);
    const page = await context.newPage();
    await page.goto(`${url}/#/meetings`);
    const links = page.locator('.meeting-title a', { hasText: SAME_TITLE });
    await expect.poll(() => links.count()).toBe(2);
    // The accessible names, as the accessibility tree gives them to a screen reader's list of links.
    const snapshot = await page.locator('.meeting-list').ariaSnapshot();
    const names = [...snapshot.matchAll(/- link "([^"]*)"/g)].map((match) => match[1] ?? '').filter((name) => name.startsWith(SAME_TITLE));
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(new RegExp(`^${SAME_TITLE} \\(recorded \\S.+\\)$`));
    expect(new Set(names).size).toBe(2);
    // On screen the title stays the title: the date beside it is already on the row.
    expect(await links.first().locator('.visually-hidden').evaluate((element: BrowserElement) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    // A title no other row has is named by itself.
    expect(snapshot).toContain(`- link "${meeting.title}"`);
    await context.close();
  }, LONG);

  it('fails on what it is meant to catch: the error page, unexcused, logs its 404', async () => {
    const { expectedFailure: _excused, ...unexcused } = keyPages().find((visit) => visit.page === 'error') ?? { page: '', hash: '', ready: '', title: '' };
    const problems = await problemsOf(unexcused, WIDTHS[0], keys.member);
    expect(problems.some((problem) => problem.startsWith('console error:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith(`HTTP 404: GET ${url}/api/meetings/${MISSING_MEETING}`))).toBe(true);
  }, LONG);
});
