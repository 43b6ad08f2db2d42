// Measures what a reader meets on the page being shown (issue 17): the computed font size of every
// visible piece of text and the box of every element that answers a tap. Runs in the page, so it
// sees the sizes Chromium actually drew, after 大字模式 and every stylesheet had their say.
import type { Page } from 'playwright-core';

export interface TextProblem {
  text: string;
  px: number;
  /** Classes of the element and its two nearest ancestors, to find the rule that set the size. */
  where: string;
}

export interface TapProblem {
  label: string;
  width: number;
  height: number;
  where: string;
}

export interface Measured {
  /** How many pieces of text and tap targets were looked at (a blank page measures nothing). */
  texts: number;
  targets: number;
  small: TextProblem[];
  tiny: TapProblem[];
}

/**
 * Taro's H5 views are custom elements that get their onClick through addEventListener, with no
 * other trace in the DOM: count each element's click listeners as they are added and removed.
 * Install before the app loads (`context.addInitScript(TRACK_TAPS)`, then reload).
 */
export const TRACK_TAPS = `(() => {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const isTap = (type) => type === 'click' || type === 'tap';
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (isTap(type) && this instanceof Element) this.__tapListeners = (this.__tapListeners || 0) + 1;
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (isTap(type) && this instanceof Element) this.__tapListeners = Math.max(0, (this.__tapListeners || 0) - 1);
    return remove.call(this, type, fn, opts);
  };
})();`;

/**
 * Every visible text node (and input, textarea and ::before/::after content) under `minFont` px,
 * and every visible element with a click listener (TRACK_TAPS), input, textarea or button under
 * `minTap` px on either side.
 */
export async function measure(page: Page, limits: { minFont: number; minTap: number }): Promise<Measured> {
  return page.evaluate(({ minFont, minTap }) => {
    const where = (el: Element): string => {
      const names: string[] = [];
      for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++) names.push(`${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')}`);
      return names.join(' < ');
    };
    const seen = (el: Element): boolean => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      // A screen-reader-only label (1 px, clipped) is not read on screen.
      return r.width > 1 && r.height > 1;
    };
    const px = (el: Element, pseudo?: string) => parseFloat(getComputedStyle(el, pseudo).fontSize);
    const out = { texts: 0, targets: 0, small: [] as Array<{ text: string; px: number; where: string }>, tiny: [] as Array<{ label: string; width: number; height: number; where: string }> };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style, noscript') || !seen(el)) continue;
      out.texts += 1;
      const size = px(el);
      if (size < minFont - 0.01) out.small.push({ text: text.slice(0, 40), px: size, where: where(el) });
    }
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const isField = el.matches('input:not([type=hidden]), textarea');
      const pseudo = ['::before', '::after'].filter((p) => {
        const c = getComputedStyle(el, p).content;
        return c !== 'none' && c !== 'normal' && c.replace(/["'\s]/g, '') !== '';
      });
      if ((!isField && pseudo.length === 0) || !seen(el)) continue;
      const sizes = [...(isField ? [px(el)] : []), ...pseudo.map((p) => px(el, p))];
      for (const size of sizes) {
        out.texts += 1;
        if (size < minFont - 0.01) out.small.push({ text: isField ? `[${el.tagName.toLowerCase()}]` : getComputedStyle(el, pseudo[0]).content, px: size, where: where(el) });
      }
    }

    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const listened = ((el as unknown as Record<string, number | undefined>).__tapListeners ?? 0) > 0;
      const tappable = listened || el.matches('input:not([type=hidden]), textarea, button, a[href], [role=button], [role=switch]');
      if (!tappable || !seen(el)) continue;
      out.targets += 1;
      const r = el.getBoundingClientRect();
      if (r.width < minTap - 0.5 || r.height < minTap - 0.5) {
        out.tiny.push({ label: ((el as HTMLElement).innerText ?? '').trim().slice(0, 30) || el.id || el.tagName, width: Math.round(r.width), height: Math.round(r.height), where: where(el) });
      }
    }
    return out;
  }, limits);
}

/** Waits until no loading state is on the page being shown, then a moment for layout to settle. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.state--loading')).some((el) => el.checkVisibility()), undefined, { timeout: 15_000 });
  await page.waitForTimeout(300);
}
