// One router per bounded context (architecture rule 3): reads `event.action`, validates
// `event.payload` with the action's schema before any read or write, takes identity only from the
// platform's context (getWXContext(), or a web session's uid: lib/caller.ts), and answers the one
// envelope. Anything unexpected is logged, never returned.

import * as z from 'zod';
// Only the Chinese messages: `z.locales` would bundle every language's. And `import * as z` here and
// in every contract, never `import { z }`: that object holds all of zod, locales included, and
// every function's cold start would parse it (docs/COLD-START.md).
import { zhCN } from 'zod/locales';
import { fail, ok, type Envelope } from '../../core/envelope';
import { AppError } from './errors';
import { readCaller, type CloudCaller } from './caller';
import { COLLECTIONS } from './collections';
import { list, type Database } from './db';
import type { Deps } from './deps';

// Validation messages in Chinese: members read them.
z.config(zhCN());

export interface ActionContext {
  /**
   * The caller's openid, from getWXContext() of this invocation, or for a web caller the openid of
   * the identity their web key is on. Never from the event. Empty only for a web caller without a
   * key, who reaches the `webOpen` actions alone.
   */
  openid: string;
  /** How the caller came (set by the router on every call; absent for a timer's own jobs). */
  caller?: CloudCaller;
  deps: Deps;
}

type Schemas = Record<string, z.ZodType>;
export type Handlers<S extends Schemas, R extends { [K in keyof S]: unknown }> = {
  [K in keyof S]: (input: z.output<S[K]>, ctx: ActionContext) => Promise<R[K]>;
};

export interface RouterOptions {
  /** Reads the caller's identity for this invocation (wx-server-sdk's getWXContext). */
  getOpenid: () => string | undefined;
  deps: Deps;
  /**
   * A timer trigger's job (WeChat allows one trigger per function). Runs only for an event shaped
   * like a trigger's AND an invocation without a caller: a client cannot reach it by imitation.
   */
  onTimer?: (deps: Deps) => Promise<unknown>;
  /**
   * Old names of renamed actions, answered as their new names, so a phone still running the
   * version before a rename keeps working until WeChat updates it. Not listed in the contract.
   * `fields` renames payload fields the same way (old → new).
   */
  aliases?: Record<string, ActionAlias>;
  /**
   * The actions a web caller whose uid is on no identity may run (signing in with a code, signing
   * out). Every other action answers them as an unbound mini-program caller is answered.
   */
  webOpen?: readonly string[];
  /**
   * Called after a payload was refused at the door (its schema, or nested too deep), when the
   * caller is known (a web caller resolved to their identity), with the refusal's words: a context
   * may count the attempt (the quiz's abuse records). The caller gets the INVALID_ARGUMENT either
   * way; whatever the hook throws is logged, never returned.
   */
  onRefusedPayload?: (action: string, payload: unknown, message: string, ctx: ActionContext) => Promise<void>;
}

/** What a web caller without a web key is told: the code an unbound mini-program caller gets. */
export const WEB_SIGN_IN_FIRST = '请先输入网页登录码登录';

/**
 * The openid a web caller acts as: one read, the identity carrying their CloudBase uid as its web
 * key (identities.webUid, set by org.redeemWebCode; never on two identities, see
 * functions/org/webSignIn.ts). Empty when it is on none: never signed in, signed out, revoked, or
 * the member unbound (the identity went, and its key with it).
 */
export async function webOpenid(db: Database, uid: string): Promise<string> {
  // The org context owns identities; lib imports no context, and every router must resolve a web
  // caller before any action runs, so this one read of org's collection lives here.
  // eslint-disable-next-line local/collection-owner -- the router's web-caller lookup (see above)
  const found = await list<{ _id: string }>(db.collection(COLLECTIONS.identities).where({ webUid: uid }).field({ _id: true }).limit(1));
  return found[0]?._id ?? '';
}

export type ActionAlias = string | { action: string; fields: Record<string, string> };

/** The action and payload an old action name stands for; anything else passes through. */
function resolveAlias(aliases: RouterOptions['aliases'], action: unknown, payload: unknown): { action: unknown; payload: unknown } {
  if (!aliases || typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(aliases, action)) return { action, payload };
  const alias = aliases[action];
  if (typeof alias === 'string') return { action: alias, payload };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { action: alias.action, payload };
  const renamed = Object.fromEntries(Object.entries(payload).map(([k, v]) => [Object.prototype.hasOwnProperty.call(alias.fields, k) ? alias.fields[k] : k, v]));
  return { action: alias.action, payload: renamed };
}

function isTimerEvent(e: Record<string, unknown>): boolean {
  return e.Type === 'Timer' && typeof e.TriggerName === 'string';
}

/** Nesting no action's payload comes near; deeper is refused before the schema walks it recursively. */
const MAX_PAYLOAD_DEPTH = 64;

/** Whether `value` nests arrays/objects deeper than `max`, with an explicit stack (no recursion). */
function tooDeep(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `不支持的字段：${issue.keys.join('、')}`;
  return path ? `字段 ${path}：${issue.message}` : issue.message;
}

export function createRouter<S extends Schemas, R extends { [K in keyof S]: unknown }>(
  context: string,
  schemas: S,
  handlers: Handlers<S, R>,
  options: RouterOptions,
) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const e = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
    // A timer's job runs only for a call with no caller at all: neither an openid nor a web uid.
    if (options.onTimer && isTimerEvent(e) && !readCaller(options.getOpenid())) {
      try {
        return ok(await options.onTimer(options.deps));
      } catch (err) {
        options.deps.log.error(`${context} timer failed`, err instanceof Error ? err.stack : err);
        return fail('INTERNAL', 'timer job failed');
      }
    }
    const { action, payload } = resolveAlias(options.aliases, e.action, e.payload);
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, action)) {
      return fail('INVALID_ARGUMENT', `字段 action：未知的操作 ${typeof action === 'string' ? action.slice(0, 40) : ''}`.trim());
    }
    /** The door's refusal, after the context's hook (if any) had its look at who sent it. */
    const refused = async (message: string): Promise<Envelope<unknown>> => {
      const hook = options.onRefusedPayload;
      const who = hook ? readCaller(options.getOpenid()) : null;
      if (hook && who) {
        try {
          const openid = who.kind === 'wechat' ? who.openid : await webOpenid(options.deps.db, who.uid);
          if (openid) await hook(action, payload, message, { openid, caller: who, deps: options.deps });
        } catch (err) {
          options.deps.log.error(`${context}.${action} refused-payload hook failed`, err instanceof Error ? err.stack : err);
        }
      }
      return fail('INVALID_ARGUMENT', message);
    };
    // In WeChat the event arrives as the platform parsed it: no HTTP door has bounded its depth.
    if (tooDeep(payload, MAX_PAYLOAD_DEPTH)) return refused('请求内容的层级太多，请检查后重试');
    const parsed = schemas[action].safeParse(payload ?? {});
    if (!parsed.success) return refused(describeIssue(parsed.error.issues[0]));

    const caller = readCaller(options.getOpenid());
    if (!caller) return fail('UNAUTHENTICATED', '无法识别微信身份，请在微信中打开');

    try {
      let openid = caller.kind === 'wechat' ? caller.openid : '';
      if (caller.kind === 'web') {
        openid = await webOpenid(options.deps.db, caller.uid);
        if (!openid && !(options.webOpen ?? []).includes(action)) return fail('UNAUTHENTICATED', WEB_SIGN_IN_FIRST);
      }
      const handler = handlers[action as keyof S];
      const data = await handler(parsed.data as z.output<S[keyof S]>, { openid, caller, deps: options.deps });
      return ok(data);
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message);
      options.deps.log.error(`${context}.${action} failed`, err instanceof Error ? err.stack : err);
      return fail('INTERNAL', '服务暂时不可用，请稍后重试');
    }
  };
}
