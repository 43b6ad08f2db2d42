// The Chromium driver: runs a shared journey description against the H5 build with
// playwright-core, through the helpers the browser tests already use. Each `signIn` opens a fresh
// browser context (its own storage, so its own session) on the local cloud's login page.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { BrowserEnv } from '../../helpers/browser';
import { answerModal, fill, openTab, shown } from '../../helpers/ui';
import { fillTarget, fillText, fillVars, runCheck, runGiven, runSteps, textMatches, until, type Journey, type JourneyContext, type StepHandlers, type Target } from '../steps';

const WAIT_MS = 15_000;

export interface ChromiumSession {
  env: BrowserEnv;
  context: BrowserContext | null;
  page: Page | null;
}

function pageOf(s: ChromiumSession): Page {
  if (!s.page) throw new Error('no page: the journey must sign in first');
  return s.page;
}

/** The one element a target names on the page shown (Taro H5 keeps earlier pages in the DOM, hidden). */
export function locate(page: Page, target: Target): Locator {
  if ('id' in target) return shown(page, `#${target.id}`);
  if ('text' in target) return page.getByText(target.text).filter({ visible: true }).first();
  let list = page.locator(`.${target.cls}:visible`);
  if (target.hasText) list = list.filter({ hasText: target.hasText });
  return typeof target.nth === 'number' ? list.nth(target.nth) : list.first();
}

async function visibleText(page: Page, within: Target | undefined): Promise<string> {
  if (within) return locate(page, within).innerText({ timeout: 1_000 });
  return page.locator('.taro_page:visible, body').first().innerText({ timeout: 1_000 });
}

export const chromiumSteps = {
  given: async (step, _s, ctx) => runGiven(step, ctx),
  check: async (step, _s, ctx) => runCheck(step, ctx),
  signIn: async (step, s, ctx) => {
    await s.context?.close();
    const { context, page } = await s.env.open();
    s.context = context;
    s.page = page;
    if (typeof step.as === 'string') {
      await page.locator(`#login-${step.as}`).click();
    } else {
      await page.locator('#login-openid input, input#login-openid').first().fill(step.as.openid);
      await page.locator('#login-openid-submit').click();
    }
    await locate(page, fillTarget(step.ready, ctx.vars)).waitFor({ timeout: WAIT_MS });
  },
  openTab: async (step, s) => openTab(pageOf(s), step.tab),
  open: async (step, s, ctx) => {
    const page = pageOf(s);
    const query = new URLSearchParams(Object.entries(step.query ?? {}).map(([k, v]) => [k, fillVars(v, ctx.vars)])).toString();
    await page.goto(`${s.env.t.cloud.url}/#/${fillVars(step.path, ctx.vars)}${query ? `?${query}` : ''}`);
  },
  tap: async (step, s, ctx) => {
    const el = locate(pageOf(s), fillTarget(step.target, ctx.vars));
    await el.waitFor({ timeout: WAIT_MS });
    await el.click();
  },
  fill: async (step, s, ctx) => {
    const page = pageOf(s);
    const id = fillVars(step.field, ctx.vars);
    await shown(page, `#${id} input, #${id} textarea, input#${id}, textarea#${id}`).waitFor({ timeout: WAIT_MS });
    await fill(page, id, fillVars(step.value, ctx.vars));
  },
  see: async (step, s, ctx) => {
    const page = pageOf(s);
    const expected = fillText(step.text, ctx.vars);
    const within = step.in ? fillTarget(step.in, ctx.vars) : undefined;
    await until(async () => {
      const text = await visibleText(page, within);
      if (!textMatches(text, expected)) throw new Error(`expected ${String(expected)}${within ? ` in ${JSON.stringify(within)}` : ''}, the page shows: ${text.slice(0, 400)}`);
    }, WAIT_MS);
  },
  notSee: async (step, s, ctx) => {
    const page = pageOf(s);
    const expected = fillText(step.text, ctx.vars);
    const text = await visibleText(page, step.in ? fillTarget(step.in, ctx.vars) : undefined);
    if (textMatches(text, expected)) throw new Error(`did not expect ${String(expected)}; the page shows: ${text.slice(0, 400)}`);
  },
  answer: async (step, s, ctx) => {
    const dialog = fillText(step.dialog, ctx.vars);
    await answerModal(pageOf(s), typeof dialog === 'string' ? new RegExp(dialog.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : dialog, step.press);
  },
} satisfies StepHandlers<ChromiumSession>;

/** Run one journey in Chromium; the context it opened is closed at the end, pass or fail. */
export async function runInChromium(env: BrowserEnv, journey: Journey, vars: JourneyContext['vars'] = {}): Promise<void> {
  const session: ChromiumSession = { env, context: null, page: null };
  try {
    await runSteps(journey, chromiumSteps, session, { t: env.t, vars });
  } finally {
    await session.context?.close();
  }
}
