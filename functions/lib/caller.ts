// Who is calling this invocation, read only from the platform's context (never from the event).
//
// - A mini-program call: WeChat sets the caller's openid (WX_OPENID, read by wx-server-sdk's
//   getWXContext()).
// - A web call: a page signed in through @cloudbase/js-sdk (anonymous sign-in) calls the function;
//   CloudBase runs it with the signed-in user's CloudBase uid in TCB_UUID (what
//   @cloudbase/node-sdk's auth().getUserInfo() reads) and no openid. The local cloud runs a web
//   session's call the same way (localcloud/index.ts), so the same bundle code runs in both.
//
// An openid wins: a call that carries one is a mini-program call whatever else it carries. What the
// real platform sets for a web call is written down in docs/WEB-APP.md (with what is unverified).

export type CloudCaller = { kind: 'wechat'; openid: string } | { kind: 'web'; uid: string };

/** A CloudBase uid as the platform hands it out: letters, digits, '-' and '_' (anything else is refused). */
const UID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The caller of this invocation: the openid getWXContext() gave, else the web uid in the
 * platform's variables; null for a call with neither (a timer trigger, another function's call
 * without a user, a web call the platform did not sign).
 */
export function readCaller(openid: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): CloudCaller | null {
  if (typeof openid === 'string' && openid !== '') return { kind: 'wechat', openid };
  const uid = env.TCB_UUID;
  if (typeof uid === 'string' && UID.test(uid)) return { kind: 'web', uid };
  return null;
}
