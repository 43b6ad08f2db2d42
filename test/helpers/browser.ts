// Chromium for the H5 build: Debian's /usr/bin/chromium driven by playwright-core (no browser
// downloads), a phone-sized viewport, and the local cloud serving the built app.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildH5, H5_DIR } from '../../scripts/lib/h5';
import { startTestCloud, type TestCloud } from './cloud';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 375, height: 667 };

export interface BrowserEnv {
  t: TestCloud;
  browser: Browser;
  /** A fresh context (its own storage, so its own sign-in) with one page at the app's root. */
  open(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** `seed: false` starts on an empty local cloud, as a new organisation's first run would. */
export async function startBrowserEnv(opts: { seed?: boolean } = {}): Promise<BrowserEnv> {
  buildH5(); // no-op when the H5 build is newer than its sources (npm test builds it first)
  const t = await startTestCloud({ staticDir: H5_DIR, seed: opts.seed ?? true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    t,
    browser,
    open: async () => {
      const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('[page error]', err.message));
      await page.goto(`${t.cloud.url}/`);
      return { context, page };
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Screenshots for docs/screenshots/: taken only when SCREENSHOTS=1 (`npm run screenshots`), so
 * the tests do not rewrite tracked files on every run.
 */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300); // let transitions settle
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
