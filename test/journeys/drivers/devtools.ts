// The WeChat DevTools driver: runs a shared journey description against the weapp build (dist/)
// opened in WeChat DevTools, with miniprogram-automator 0.12.1.
//
// How the mini-program reaches data: the test starts a local cloud in Node (the same functions,
// seed and `given` steps as the Chromium run) and, after DevTools opens the project, puts a bridge
// in the running app: each call goes to Node through the automator's binding channel
// (`exposeFunction`), runs in the local cloud as the journey's identity
// (`cloud.invoke(name, data, { openid })`, as WeChat would for a call from the mini-program), and
// the answer comes back through `evaluate`. No network from the mini-program, no domain check, no
// WeChat cloud environment, no dev login token.
//
// Where the bridge goes: `wx.__e2eCallFunction` (E2E_HOOK), which a build made with TARO_APP_E2E=1
// (test/devtools/global-setup.ts) calls instead of wx.cloud.callFunction, waiting for it a few
// seconds after launch (src/api/call.ts); a normal build has no trace of it. For a dist/ built
// without TARO_APP_E2E the bridge also replaces `wx.cloud.callFunction` (the object Taro.cloud is).
//
// Each `signIn` opens the project afresh (the app's module state, such as the cached `getMe`,
// belongs to one identity). A call that still fails before the bridge is in place (a build without
// the hook, or a launch slower than the app's wait) is a network error; the driver then taps 重试
// on the page, as a member would.
//
// Reading the page: Taro renders every page from one data tree (`page.data('root')`: nodes with
// `nn`, `sid`/`uid` = the element id, `cl` = class, `v` = text); the driver finds ids, classes and
// texts there, and taps through the automator's element (`page.$('#id')`, searching inside Taro's
// deep-level `comp` components when needed), or, failing that, through Taro's page event handler.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type MpPage from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';
import type { InputElement } from 'miniprogram-automator/out/Element';
import type { TestCloud } from '../../helpers/cloud';
import { resolveDemoKey } from '../../../scripts/lib/demo-data';
import { fillTarget, fillText, fillVars, runCheck, runGiven, runSteps, TABS, textMatches, until, type Identity, type Journey, type JourneyContext, type StepHandlers, type Target, type Vars } from '../steps';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export const DEVTOOLS_SKIP_MESSAGE = [
  'WeChat DevTools journeys skipped: WECHAT_DEVTOOLS_CLI is not set.',
  'They run the shared journeys (test/journeys) against the weapp build in WeChat DevTools with miniprogram-automator,',
  'which needs DevTools installed on this machine, logged in, with 设置 → 安全设置 → 服务端口 on.',
  "Set WECHAT_DEVTOOLS_CLI to DevTools' cli (macOS: /Applications/wechatwebdevtools.app/Contents/MacOS/cli;",
  'Windows: C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat) and run npm run test:devtools.',
  "Data: the app's cloud calls are bridged to a local cloud the test starts (no WeChat cloud environment needed).",
  'See docs/DEVTOOLS-TESTS.md.',
].join('\n');

/** Why the DevTools journeys cannot run here, or null when they can. */
export function devtoolsSkipReason(env: Readonly<Record<string, string | undefined>>): string | null {
  const cli = env.WECHAT_DEVTOOLS_CLI ?? '';
  if (cli === '') return DEVTOOLS_SKIP_MESSAGE;
  if (!existsSync(cli)) return `WeChat DevTools journeys skipped: WECHAT_DEVTOOLS_CLI=${cli} does not exist. Point it at DevTools' cli. See docs/DEVTOOLS-TESTS.md.`;
  return null;
}

export interface DevtoolsOptions {
  cliPath: string;
  /** The automation port (`cli auto --auto-port`); 9420 unless WECHAT_DEVTOOLS_PORT says otherwise. */
  port?: number;
  /** How long to wait for DevTools to open and compile the project. */
  launchTimeoutMs?: number;
}

export function devtoolsOptions(env: Readonly<Record<string, string | undefined>>): DevtoolsOptions {
  return { cliPath: env.WECHAT_DEVTOOLS_CLI ?? '', port: env.WECHAT_DEVTOOLS_PORT ? Number(env.WECHAT_DEVTOOLS_PORT) : undefined, launchTimeoutMs: 120_000 };
}

export interface DevtoolsSession {
  options: DevtoolsOptions;
  t: TestCloud;
  mp: MiniProgram | null;
  /** Whose calls the bridge answers as. */
  openid: string;
}

// ---- the bridge, as code for the app service (plain ES5 strings: evaluated there as written) ----

const BINDING = '__journeyCall';

/** The global on wx that an E2E build's callWeapp uses (src/api/call.ts reads the same name). */
export const E2E_HOOK = '__e2eCallFunction';

/** Does a weapp build (dist/) carry the E2E hook, i.e. was it built with TARO_APP_E2E=1? */
export function buildHasE2eHook(distDir: string): boolean {
  if (!existsSync(distDir)) return false;
  return readdirSync(distDir).some((name) => name.endsWith('.js') && readFileSync(path.join(distDir, name), 'utf8').includes(E2E_HOOK));
}

/**
 * Puts the bridge on wx[E2E_HOOK] and in place of wx.cloud.callFunction (and a no-op init);
 * answers 'hook' when the hook is in place, 'replaced' when only wx.cloud's is, 'none' otherwise.
 */
const INSTALL_BRIDGE = `function () {
  var pending = {};
  var seq = 0;
  var bridge = function (options) {
    options = options || {};
    var id = 'c' + (++seq);
    var promise = new Promise(function (resolve, reject) { pending[id] = { resolve: resolve, reject: reject }; });
    ${BINDING}(id, options.name, options.data === undefined ? {} : options.data);
    return promise.then(function (res) {
      if (options.success) options.success(res);
      if (options.complete) options.complete(res);
      return res;
    }, function (err) {
      if (options.fail) options.fail(err);
      if (options.complete) options.complete(err);
      throw err;
    });
  };
  bridge.__answer = function (id, ok, value) {
    var p = pending[id];
    if (!p) return false;
    delete pending[id];
    if (ok) p.resolve(value); else p.reject(value);
    return true;
  };
  var hooked = false;
  try {
    wx.${E2E_HOOK} = bridge;
    hooked = wx.${E2E_HOOK} === bridge;
  } catch (e) {}
  var replaced = false;
  try {
    wx.cloud.callFunction = bridge;
    wx.cloud.init = function () {};
    replaced = wx.cloud.callFunction === bridge;
  } catch (e) {}
  return hooked ? 'hook' : replaced ? 'replaced' : 'none';
}`;

const ANSWER_CALL = `function (id, ok, value) {
  var fn = wx.${E2E_HOOK} && wx.${E2E_HOOK}.__answer ? wx.${E2E_HOOK} : wx.cloud.callFunction;
  return fn && fn.__answer ? fn.__answer(id, ok, value) : false;
}`;

function identityOpenid(who: Identity): string {
  if (typeof who !== 'string') return who.openid;
  const openid = resolveDemoKey(who);
  if (!openid) throw new Error(`no demo identity ${who}`);
  return openid;
}

async function installBridge(s: DevtoolsSession, mp: MiniProgram): Promise<void> {
  await mp.exposeFunction(BINDING, (id: string, name: string, data: unknown) => {
    void (async () => {
      let ok = true;
      let value: unknown;
      try {
        const { result } = await s.t.cloud.invoke(name, data, { openid: s.openid });
        value = { result, errMsg: 'cloud.callFunction:ok' };
      } catch (err) {
        ok = false;
        value = { errMsg: `cloud.callFunction:fail ${err instanceof Error ? err.message : String(err)}` };
      }
      try {
        await mp.evaluate(ANSWER_CALL, id, ok, value);
      } catch {
        // the project was closed meanwhile
      }
    })();
  });
  const placed = (await mp.evaluate(INSTALL_BRIDGE)) as unknown;
  if (placed !== 'hook' && placed !== 'replaced') {
    throw new Error(`could not put the bridge on wx.${E2E_HOOK} nor replace wx.cloud.callFunction in the running app (see docs/DEVTOOLS-TESTS.md)`);
  }
}

// ---- reading Taro's page tree ---------------------------------------------------------------------

/** A node of Taro's page data (hydrate.ts): element (nn, sid, uid?, cl?, st?, cn) or text (v). */
export interface TaroNode {
  nn?: string;
  sid?: string;
  uid?: string;
  cl?: string;
  st?: string;
  v?: string;
  cn?: TaroNode[];
}

function hidden(node: TaroNode): boolean {
  return typeof node.st === 'string' && /display\s*:\s*none/.test(node.st);
}

export function nodeId(node: TaroNode): string {
  return node.uid ?? node.sid ?? '';
}

/** The node's text: its text nodes joined, element children separated by a space; hidden parts left out. */
export function textOf(node: TaroNode): string {
  if (node.v !== undefined) return node.v;
  if (hidden(node)) return '';
  let out = '';
  let lastWasText = false;
  for (const child of node.cn ?? []) {
    const isText = child.v !== undefined;
    const piece = textOf(child);
    out += (isText && lastWasText) || out === '' ? piece : ` ${piece}`;
    lastWasText = isText;
  }
  return out;
}

function hasClass(node: TaroNode, cls: string): boolean {
  return typeof node.cl === 'string' && node.cl.split(/\s+/).includes(cls);
}

/** Every visible element in page order that the target matches (for a text: the innermost ones). */
export function findAll(root: TaroNode, target: Target): TaroNode[] {
  const out: TaroNode[] = [];
  const walk = (node: TaroNode): void => {
    if (node.v !== undefined || hidden(node)) return;
    if ('id' in target) {
      if (node.uid === target.id) out.push(node);
    } else if ('text' in target) {
      const inner = (node.cn ?? []).some((c) => c.v === undefined && textMatches(textOf(c), target.text));
      if (!inner && textMatches(textOf(node), target.text)) out.push(node);
    } else if (hasClass(node, target.cls) && (!target.hasText || textMatches(textOf(node), target.hasText))) {
      out.push(node);
    }
    for (const c of node.cn ?? []) walk(c);
  };
  walk(root);
  return out;
}

export function findOne(root: TaroNode, target: Target): TaroNode | undefined {
  const all = findAll(root, target);
  return 'cls' in target && typeof target.nth === 'number' ? all[target.nth] : all[0];
}

// ---- the app --------------------------------------------------------------------------------------

function mpOf(s: DevtoolsSession): MiniProgram {
  if (!s.mp) throw new Error('DevTools is not open: the journey must sign in first');
  return s.mp;
}

async function currentPage(s: DevtoolsSession): Promise<MpPage> {
  const page = await mpOf(s).currentPage();
  if (!page) throw new Error('no page is shown');
  return page;
}

async function tree(page: MpPage): Promise<TaroNode> {
  const root = (await page.data('root')) as TaroNode | undefined;
  if (!root) throw new Error(`page ${page.path} has no Taro tree yet`);
  return root;
}

/** Wait until the target is on the page shown; its node and the page. */
async function waitFor(s: DevtoolsSession, target: Target, timeoutMs = 15_000): Promise<{ page: MpPage; node: TaroNode }> {
  let found: { page: MpPage; node: TaroNode } | undefined;
  await until(
    async () => {
      const page = await currentPage(s);
      const node = findOne(await tree(page), target);
      if (!node) throw new Error(`${JSON.stringify(target)} is not on ${page.path}`);
      found = { page, node };
    },
    timeoutMs,
    300,
  );
  if (!found) throw new Error('unreachable');
  return found;
}

/** The automator element of a node id, looking inside Taro's `comp` components (levels past the template depth). */
async function elementById(page: MpPage, id: string): Promise<Element | null> {
  const direct = await page.$(`#${id}`);
  if (direct) return direct;
  let layer: Element[] = ((await page.$$('comp')) as Element[]) ?? [];
  for (let depth = 0; depth < 4 && layer.length > 0; depth++) {
    const next: Element[] = [];
    for (const comp of layer) {
      const inside = await comp.$(`#${id}`);
      if (inside) return inside;
      next.push(...(((await comp.$$('comp')) as Element[]) ?? []));
    }
    layer = next;
  }
  return null;
}

async function tapNode(page: MpPage, node: TaroNode): Promise<void> {
  const id = nodeId(node);
  const el = id ? await elementById(page, id) : null;
  if (el) {
    await el.tap();
    return;
  }
  // Taro's page-level event handler, as the view layer would call it for a tap on this node.
  const target = { id, dataset: { sid: node.sid ?? id } };
  await page.callMethod('eh', { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: { x: 0, y: 0 }, touches: [], changedTouches: [] });
}

/** The input or textarea element for a field id: the node itself or one inside it. */
async function inputFor(page: MpPage, root: TaroNode, id: string): Promise<InputElement> {
  const holder = findOne(root, { id });
  if (!holder) throw new Error(`#${id} is not on ${page.path}`);
  const candidates: TaroNode[] = [];
  const walk = (n: TaroNode): void => {
    if (n.v !== undefined) return;
    candidates.push(n);
    for (const c of n.cn ?? []) walk(c);
  };
  walk(holder);
  for (const n of candidates) {
    const el = await elementById(page, nodeId(n));
    if (el && (el.tagName === 'input' || el.tagName === 'textarea')) return el as InputElement;
  }
  throw new Error(`no input or textarea in #${id}`);
}

async function pageText(s: DevtoolsSession, within: Target | undefined): Promise<string> {
  const page = await currentPage(s);
  const root = await tree(page);
  if (!within) return textOf(root);
  const node = findOne(root, within);
  if (!node) throw new Error(`${JSON.stringify(within)} is not on ${page.path}`);
  return textOf(node);
}

async function close(s: DevtoolsSession): Promise<void> {
  const mp = s.mp;
  s.mp = null;
  if (mp) await mp.close().catch(() => mp.disconnect());
}

function url(pagePath: string, query: Record<string, string> | undefined, vars: Vars): string {
  const q = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, fillVars(v, vars)])).toString();
  return `/${fillVars(pagePath, vars)}${q ? `?${q}` : ''}`;
}

export const devtoolsSteps = {
  given: async (step, _s, ctx) => runGiven(step, ctx),
  check: async (step, _s, ctx) => runCheck(step, ctx),
  signIn: async (step, s, ctx) => {
    await close(s);
    s.openid = identityOpenid(step.as);
    const mp = await automator.launch({
      cliPath: s.options.cliPath,
      projectPath: ROOT,
      port: s.options.port,
      timeout: s.options.launchTimeoutMs ?? 120_000,
      trustProject: true,
    });
    s.mp = mp;
    mp.on('exception', (e: unknown) => console.error('[mini-program exception]', e));
    await installBridge(s, mp);
    await mp.callWxMethod('clearStorageSync');
    await mp.reLaunch(`/${TABS['首页']}`);
    const ready = fillTarget(step.ready, ctx.vars);
    // A call that failed before the bridge was in place (a build without the hook, or a launch
    // slower than the app's wait for it) showed a network error: retry it as a member would.
    await until(
      async () => {
        const page = await currentPage(s);
        const root = await tree(page);
        if (findOne(root, ready)) return;
        const retry = findAll(root, { cls: 'state--error' }).flatMap((n) => findAll(n, { text: '重试' }))[0];
        if (retry) await tapNode(page, retry);
        throw new Error(`${JSON.stringify(ready)} is not on ${page.path}`);
      },
      30_000,
      500,
    );
  },
  openTab: async (step, s) => {
    // The tab bar is WeChat's custom-tab-bar component, outside the page tree; it calls switchTab too.
    await mpOf(s).switchTab(`/${TABS[step.tab]}`);
  },
  open: async (step, s, ctx) => {
    // As a scanned code or a shared card opens the mini-program at a page.
    await mpOf(s).reLaunch(url(step.path, step.query, ctx.vars));
  },
  tap: async (step, s, ctx) => {
    const { page, node } = await waitFor(s, fillTarget(step.target, ctx.vars));
    await tapNode(page, node);
  },
  fill: async (step, s, ctx) => {
    const id = fillVars(step.field, ctx.vars);
    const { page } = await waitFor(s, { id });
    const input = await inputFor(page, await tree(page), id);
    await input.input(fillVars(step.value, ctx.vars));
  },
  see: async (step, s, ctx) => {
    const expected = fillText(step.text, ctx.vars);
    const within = step.in ? fillTarget(step.in, ctx.vars) : undefined;
    await until(
      async () => {
        const text = await pageText(s, within);
        if (!textMatches(text, expected)) throw new Error(`expected ${String(expected)}${within ? ` in ${JSON.stringify(within)}` : ''}, the page shows: ${text.slice(0, 400)}`);
      },
      15_000,
      300,
    );
  },
  notSee: async (step, s, ctx) => {
    const expected = fillText(step.text, ctx.vars);
    const text = await pageText(s, step.in ? fillTarget(step.in, ctx.vars) : undefined);
    if (textMatches(text, expected)) throw new Error(`did not expect ${String(expected)}; the page shows: ${text.slice(0, 400)}`);
  },
  answer: async (step, s, ctx) => {
    const expected = fillText(step.dialog, ctx.vars);
    // Members' confirmations are the app's own dialog (askConfirm), in the page tree.
    let own: { page: MpPage; node: TaroNode } | undefined;
    try {
      own = await waitFor(s, { id: 'confirm-dialog' }, 3_000);
    } catch {
      own = undefined;
    }
    if (own) {
      const text = textOf(own.node);
      if (!textMatches(text, expected)) throw new Error(`the dialog says ${text}, expected ${String(expected)}`);
      const button = findOne(own.node, { id: step.press === 'confirm' ? 'confirm-dialog-confirm' : 'confirm-dialog-cancel' });
      if (!button) throw new Error('the dialog has no such button');
      await tapNode(own.page, button);
      return;
    }
    // Otherwise WeChat's own modal (Taro.showModal): its text cannot be read through the automator.
    const native = mpOf(s).native();
    await (step.press === 'confirm' ? native.confirmModal() : native.cancelModal());
  },
} satisfies StepHandlers<DevtoolsSession>;

/** Run one journey in DevTools; the project is closed at the end, pass or fail. */
export async function runInDevtools(t: TestCloud, journey: Journey, options: DevtoolsOptions, vars: JourneyContext['vars'] = {}): Promise<void> {
  const session: DevtoolsSession = { options, t, mp: null, openid: '' };
  try {
    await runSteps(journey, devtoolsSteps, session, { t, vars });
  } finally {
    await close(session);
  }
}
