// Helpers the browser journeys share for driving the Taro H5 build with Playwright.
import type { Page } from 'playwright-core';

/** Tap a tab of the tab bar by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  // The app's own bar (src/custom-tab-bar) is drawn on each tab page: the one on the page shown.
  await page.locator('.app-tabbar__item:visible, .weui-tabbar__item, .taro-tabbar__tabbar-item').filter({ hasText: label }).first().click();
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

/**
 * A confirmation: Taro's H5 showModal, or the app's own dialog (askConfirm, #confirm-dialog) that
 * members' confirmations use so 大字模式 reaches them. Check its text, then press confirm or cancel.
 */
export async function answerModal(page: Page, expectText: RegExp, press: 'confirm' | 'cancel'): Promise<void> {
  // The .taro__modal root has no box of its own (mask and dialog are fixed): watch the dialog.
  const modal = page.locator('.taro-modal__content').filter({ has: page.locator('.taro-modal__text', { hasText: expectText }) });
  const own = page.locator('#confirm-dialog:visible').filter({ has: page.locator('#confirm-dialog-text', { hasText: expectText }) });
  await modal.or(own).first().waitFor({ state: 'visible' });
  if (await own.count()) {
    await own.locator(press === 'confirm' ? '#confirm-dialog-confirm' : '#confirm-dialog-cancel').click();
    await own.waitFor({ state: 'hidden' });
    return;
  }
  await modal.locator(press === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').click();
  await modal.waitFor({ state: 'hidden' });
}
