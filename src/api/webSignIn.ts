// Signing in on the web with a member's one-time code (网页登录码, docs/WEB-APP.md), and signing
// out. The caller is an anonymous web session first: on CloudBase @cloudbase/js-sdk's anonymous
// sign-in, on the local cloud a token from POST /api/web/session (kept while unredeemed, so wrong
// codes count against one session as they would against one browser). org.redeemWebCode then puts
// that session on the member.
import Taro from '@tarojs/taro';
import { isEnvelope } from '@core/envelope';
import type { Me } from '@core/contracts/org';
import { call, unwrap } from './call';
import { webSdkApp } from './cloud';
import { ApiError, networkError } from './errors';
import { API_BASE, TRANSPORT } from './env';
import { isWebSession, logout, storeWebSession } from './session';
import { callThroughSdk, WebSignInFailed } from './transport';

const PENDING_KEY = 'session.webPending';

async function postJson(path: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  try {
    const res = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  } catch {
    throw networkError();
  }
}

/** The local cloud's anonymous web session: the one this browser started, or a new one. */
async function anonymousToken(fresh: boolean): Promise<string> {
  const kept: unknown = Taro.getStorageSync(PENDING_KEY);
  if (!fresh && typeof kept === 'string' && kept !== '') return kept;
  const { json } = await postJson('/api/web/session', {});
  const data = unwrap<{ token?: unknown }>(json);
  if (typeof data?.token !== 'string') throw networkError();
  Taro.setStorageSync(PENDING_KEY, data.token);
  return data.token;
}

/** Redeem a code: the browser is then signed in as its member. Throws the server's plain reason. */
export async function signInWithCode(code: string): Promise<Me> {
  const body = { action: 'redeemWebCode', payload: { code } };
  if (TRANSPORT === 'cloudbase') {
    let answer: unknown;
    try {
      answer = await callThroughSdk(await webSdkApp(), 'org', body);
    } catch (e) {
      if (e instanceof WebSignInFailed) throw new ApiError('UNAUTHENTICATED', '网页暂时无法登录，请稍后重试');
      throw networkError();
    }
    const { me } = unwrap<{ me: Me }>(answer);
    storeWebSession('');
    return me;
  }
  let token = await anonymousToken(false);
  let res = await postJson('/api/fn/org', body, token);
  if (res.status === 401) {
    // The local cloud restarted and forgot the session: start another once.
    token = await anonymousToken(true);
    res = await postJson('/api/fn/org', body, token);
  }
  if (!isEnvelope(res.json)) throw networkError();
  const { me } = unwrap<{ me: Me }>(res.json);
  Taro.removeStorageSync(PENDING_KEY);
  storeWebSession(token);
  return me;
}

/** Sign out: a web sign-in also clears its web key on the server (best effort), then the session goes. */
export async function signOut(): Promise<void> {
  if (isWebSession()) {
    try {
      await call('org', 'signOutWeb', {});
    } catch {
      // Signed out here all the same; the key stays until revoked or replaced.
    }
  }
  logout();
}
