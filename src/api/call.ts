// call(): the typed door to every cloud function action. The event sent is exactly
// { action, payload }; the answer must be the shared envelope. weapp goes through
// Taro.cloud.callFunction; H5 through @cloudbase/js-sdk on a CloudBase environment, else the local
// function host over HTTP (transport.ts). The branch on process.env.TARO_ENV is resolved at build
// time, so each build carries one platform's code.
import Taro from '@tarojs/taro';
import { isEnvelope } from '@core/envelope';
import type { ActionName, ContextName, RequestOf, ResponseOf } from '@core/contracts';
import { ApiError, networkError } from './errors';
import { API_BASE, TRANSPORT } from './env';
import { initCloud, webSdkApp } from './cloud';
import { getToken, isWebSession, sessionExpired } from './session';
import { callThroughSdk } from './transport';

const H5_TIMEOUT_MS = 20_000;

function unwrap<T>(answer: unknown): T {
  if (!isEnvelope(answer)) throw networkError();
  if (!answer.ok) throw new ApiError(answer.code, answer.message);
  return answer.data as T;
}

// ---- E2E builds only (TARO_APP_E2E=1 when building; docs/DEVTOOLS-TESTS.md) -----------------------
// The WeChat DevTools tests put a stand-in for wx.cloud.callFunction on wx, reaching a local cloud
// (test/journeys/drivers/devtools.ts). Every use sits behind the build-time constant, so a normal
// build drops the code and the hook's name with it (the DevTools tests check dist/ for the name).

/** What the DevTools driver puts on wx: wx.cloud.callFunction's shape, promise only. */
type E2eCallFunction = (options: { name: string; data: unknown }) => Promise<{ result?: unknown }>;
declare const wx: Record<string, unknown> | undefined;

/** How long after the first call an E2E build waits for the driver's hook before using wx.cloud. */
const E2E_HOOK_WAIT_MS = 5_000;
let e2eWaitUntil = 0;

async function e2eHook(): Promise<E2eCallFunction | null> {
  if (e2eWaitUntil === 0) e2eWaitUntil = Date.now() + E2E_HOOK_WAIT_MS;
  for (;;) {
    const hook = typeof wx === 'undefined' ? undefined : wx.__e2eCallFunction;
    if (typeof hook === 'function') return hook as E2eCallFunction;
    if (Date.now() >= e2eWaitUntil) return null;
    await new Promise<void>((resolve) => setTimeout(resolve, 100));
  }
}

async function callWeapp(context: string, body: { action: string; payload: unknown }): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_E2E === '1') {
    const hook = await e2eHook();
    if (hook) {
      try {
        return (await hook({ name: context, data: body })).result;
      } catch {
        throw networkError();
      }
    }
  }
  initCloud();
  try {
    const res = await Taro.cloud.callFunction({ name: context, data: body });
    return res.result;
  } catch {
    throw networkError();
  }
}

async function callCloudbase(context: string, body: { action: string; payload: unknown }): Promise<unknown> {
  if (!isWebSession()) {
    sessionExpired();
    throw new ApiError('UNAUTHENTICATED', '请先输入网页登录码登录');
  }
  try {
    return await callThroughSdk(await webSdkApp(), context, body);
  } catch {
    throw networkError();
  }
}

/** POST JSON (or a raw body) to the local host with the bearer token; returns the parsed JSON. */
export async function postH5(path: string, body: BodyInit, contentType: string): Promise<unknown> {
  const token = getToken();
  if (!token) {
    sessionExpired();
    throw new ApiError('UNAUTHENTICATED', '请先选择身份登录');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), H5_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}` },
      body,
      signal: controller.signal,
    });
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 401) {
    sessionExpired();
    throw new ApiError('UNAUTHENTICATED', '登录已过期，请重新选择身份');
  }
  try {
    return await res.json();
  } catch {
    throw networkError();
  }
}

export async function call<C extends ContextName, A extends ActionName<C>>(
  context: C,
  action: A,
  payload: RequestOf<C, A>,
): Promise<ResponseOf<C, A>> {
  const body = { action, payload };
  if (process.env.TARO_ENV === 'h5') {
    const answer = TRANSPORT === 'cloudbase' ? await callCloudbase(context, body) : await postH5(`/api/fn/${context}`, JSON.stringify(body), 'application/json');
    // A web sign-in that was signed out elsewhere, revoked or replaced: sign in again.
    if (isWebSession() && isEnvelope(answer) && !answer.ok && answer.code === 'UNAUTHENTICATED') sessionExpired();
    return unwrap<ResponseOf<C, A>>(answer);
  }
  return unwrap<ResponseOf<C, A>>(await callWeapp(context, body));
}

export { unwrap };
