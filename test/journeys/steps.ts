// One description of each main journey, two drivers. A journey is data: a list of steps in the
// small vocabulary below, with its assertions (`see`, `notSee`, `check`) inside it. The Chromium
// driver (drivers/chromium.ts) runs it against the H5 build, the DevTools driver
// (drivers/devtools.ts) against the weapp build in WeChat DevTools; both with the same local cloud
// behind the app, so `given` and `check` steps (run in Node against that cloud) mean the same in both.
import type { TestCloud } from '../helpers/cloud';
import { parseOnsiteCode } from '../../core/domain/onsiteUrl';

/** Values a `given` step found (ids, tokens), used later as `{name}` inside any string of a step. */
export type Vars = Record<string, string>;

export interface JourneyContext {
  t: TestCloud;
  vars: Vars;
}

/** The demo identities of the login page, or any openid (a member bound in the seed, or a newcomer). */
export type Identity = 'member' | 'organiser' | 'admin' | { openid: string };

/** The app's tab bar: label → tab page (src/app.config.ts). */
export const TABS = {
  首页: 'pages/home/index',
  学习: 'pages/study/index',
  答题: 'pages/answer/index',
  活动: 'pages/activity/index',
  我的: 'pages/mine/index',
} as const;
export type TabLabel = keyof typeof TABS;

/**
 * An element on the page shown. Only what both platforms can find: an id, a visible text, or one
 * class name (optionally the nth match in page order, or the first containing a text). No CSS
 * attribute selectors: WXSS selectors have none, and Taro keeps data-* off the weapp tree.
 */
export type Target = { id: string } | { text: string } | { cls: string; nth?: number | string; hasText?: string };

export type Step =
  /** Prepare data in Node against the local cloud (as an organiser would, through the functions); may return vars. */
  | { kind: 'given'; what: string; run: (ctx: JourneyContext) => Promise<Vars | void> }
  /** Assert in Node what the journey stored (throws when it did not). */
  | { kind: 'check'; what: string; run: (ctx: JourneyContext) => Promise<void> }
  /** A fresh app session as this identity, on 首页, waiting until `ready` shows. */
  | { kind: 'signIn'; as: Identity; ready: Target }
  | { kind: 'openTab'; tab: TabLabel }
  /** Open a page by its path (no leading slash) with query parameters, as a scanned code or a link does. */
  | { kind: 'open'; path: string; query?: Record<string, string> }
  | { kind: 'tap'; target: Target }
  /** Type into the input or textarea with this id (or inside the element with this id). */
  | { kind: 'fill'; field: string; value: string }
  /** Wait until the text shows (inside `in`, when given). */
  | { kind: 'see'; text: string | RegExp; in?: Target }
  /** The text is not shown (inside `in`, when given), checked once the page has settled on earlier steps. */
  | { kind: 'notSee'; text: string | RegExp; in?: Target }
  /** A confirmation dialog with this text: press confirm or cancel. */
  | { kind: 'answer'; dialog: string | RegExp; press: 'confirm' | 'cancel' };

export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** Every step kind, for the drivers' tables and the unit test that checks them. */
export const STEP_KINDS = ['given', 'check', 'signIn', 'openTab', 'open', 'tap', 'fill', 'see', 'notSee', 'answer'] as const satisfies readonly StepKind[];
// A kind added to Step but not to STEP_KINDS fails here.
type Missing = Exclude<StepKind, (typeof STEP_KINDS)[number]>;
const _allListed: Missing extends never ? true : never = true;
void _allListed;

export interface Journey {
  name: string;
  /** One line: who does what, in the words of the feature. */
  about: string;
  steps: Step[];
}

/** What a driver must provide: one handler per step kind (checked with `satisfies`). */
export type StepHandlers<S> = { [K in StepKind]: (step: StepOf<K>, session: S, ctx: JourneyContext) => Promise<void> };

/** Replace `{name}` by the var of that name; an unknown name is an error in the description. */
export function fillVars(text: string, vars: Vars): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`journey: no var {${name}} (set it in a given step first)`);
    return v;
  });
}

export function fillText(text: string | RegExp, vars: Vars): string | RegExp {
  return typeof text === 'string' ? fillVars(text, vars) : text;
}

export function fillTarget(target: Target, vars: Vars): Target {
  if ('id' in target) return { id: fillVars(target.id, vars) };
  if ('text' in target) return { text: fillVars(target.text, vars) };
  const nth = target.nth === undefined ? undefined : Number(typeof target.nth === 'string' ? fillVars(target.nth, vars) : target.nth);
  if (nth !== undefined && !Number.isInteger(nth)) throw new Error(`journey: nth of .${target.cls} is not a whole number`);
  return { cls: target.cls, ...(nth === undefined ? {} : { nth }), ...(target.hasText ? { hasText: fillVars(target.hasText, vars) } : {}) };
}

export function describeTarget(target: Target): string {
  if ('id' in target) return `#${target.id}`;
  if ('text' in target) return `“${target.text}”`;
  return `.${target.cls}${target.nth !== undefined ? `[${target.nth}]` : ''}${target.hasText ? ` with “${target.hasText}”` : ''}`;
}

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'given':
    case 'check':
      return `${step.kind}: ${step.what}`;
    case 'signIn':
      return `sign in as ${typeof step.as === 'string' ? step.as : step.as.openid}`;
    case 'openTab':
      return `open tab ${step.tab}`;
    case 'open':
      return `open ${step.path}`;
    case 'tap':
      return `tap ${describeTarget(step.target)}`;
    case 'fill':
      return `fill #${step.field}`;
    case 'see':
    case 'notSee':
      return `${step.kind} ${String(step.text)}${step.in ? ` in ${describeTarget(step.in)}` : ''}`;
    case 'answer':
      return `answer ${String(step.dialog)} with ${step.press}`;
  }
}

/** Whether `text` (normalised whitespace) contains the expected string or matches the pattern. */
export function textMatches(text: string, expected: string | RegExp): boolean {
  const flat = text.replace(/\s+/g, ' ').trim();
  return typeof expected === 'string' ? flat.includes(expected.replace(/\s+/g, ' ').trim()) : expected.test(flat) || expected.test(text);
}

/**
 * The event and token of an on-site check-in code, whatever its content: the page path
 * (`subpackages/event/attendance?e=..&t=..`) or an https URL (`https://host/qr/checkin?e=..&t=..`);
 * read by the app's own parser (core/domain/onsiteUrl.ts), so the journey opens what a scan would.
 */
export function parseCheckinCode(content: string): { e: string; t: string } {
  const code = parseOnsiteCode(content);
  if (!code) throw new Error(`journey: no e/t in the check-in code “${content}”`);
  return { e: code.eventId, t: code.token };
}

/** Wait until `check` stops throwing, or throw its last error after `timeoutMs`. */
export async function until(check: () => Promise<void>, timeoutMs = 10_000, stepMs = 200): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}

/** Run one journey with a driver's handlers; a failing step is named in the error. */
export async function runSteps<S>(journey: Journey, handlers: StepHandlers<S>, session: S, ctx: JourneyContext): Promise<void> {
  for (const [i, step] of journey.steps.entries()) {
    try {
      await (handlers[step.kind] as (s: Step, session: S, ctx: JourneyContext) => Promise<void>)(step, session, ctx);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`journey ${journey.name}, step ${i + 1} (${describeStep(step)}): ${message}`, { cause: err });
    }
  }
}

/** The backend steps mean the same in every driver. */
export async function runGiven(step: StepOf<'given'>, ctx: JourneyContext): Promise<void> {
  const vars = await step.run(ctx);
  if (vars) Object.assign(ctx.vars, vars);
}

export async function runCheck(step: StepOf<'check'>, ctx: JourneyContext): Promise<void> {
  await step.run(ctx);
}
