// Helpers the browser journeys share for driving the Taro H5 build with Playwright.
import type { Page } from 'playwright-core';

/** Tap a tab of the tab bar by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__item, .taro-tabbar__tabbar-item').filter({ hasText: label }).first().click();
}

/** Taro H5 keeps earlier pages in the DOM, hidden: match only what is on the page being shown. */
export function shown(page: Page, selector: string) {
  const visible = selector
    .split(',')
    .map((part) => `${part.trim()}:visible`)
    .join(', ');
  return page.locator(visible).first();
}

/** Type into the input or textarea inside the element with this id (or the input with this id). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await shown(page, `#${id} input, #${id} textarea, input#${id}`).fill(value);
}

/** Retry an assertion until it holds (the page settles after a tap) or time runs out. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Taro's H5 showModal: check its text, then press confirm or cancel. */
export async function answerModal(page: Page, expectText: RegExp, press: 'confirm' | 'cancel'): Promise<void> {
  // The .taro__modal root has no box of its own (mask and dialog are fixed): watch the dialog.
  const modal = page.locator('.taro-modal__content').filter({ has: page.locator('.taro-modal__text', { hasText: expectText }) });
  await modal.waitFor({ state: 'visible' });
  await modal.locator(press === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').click();
  await modal.waitFor({ state: 'hidden' });
}
