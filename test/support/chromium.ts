import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run (never a downloaded browser: there is no network for it). */
export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The tests start playback themselves, without a click on the player.
      '--autoplay-policy=no-user-gesture-required',
      '--mute-audio',
    ],
  });
}

/** A page whose script errors show in the test output instead of passing silently. */
export async function openPage(browser: Browser, viewport: { width: number; height: number }, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport, ...options });
  page.on('pageerror', (error) => console.error('page error:', error));
  return page;
}
