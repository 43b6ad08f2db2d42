// H5 session, kept in Taro storage. In the mini-program there is no login at all: WeChat supplies
// the caller's identity. On H5 it is one of:
// - a web sign-in (docs/WEB-APP.md): an anonymous web session (the local cloud's bearer token, or
//   @cloudbase/js-sdk's own sign-in on CloudBase) that redeemed a member's 网页登录码 (webSignIn.ts);
// - the local cloud's dev login (the demo): a bearer token for a chosen openid.
import Taro from '@tarojs/taro';
import { isEnvelope } from '@core/envelope';
import { ApiError, networkError } from './errors';
import { loginReturningTo } from '@/utils/login-return';
import { API_BASE, TRANSPORT } from './env';

const TOKEN_KEY = 'session.token';
const OPENID_KEY = 'session.openid';
/** 'web' once a web sign-in code was redeemed; 'dev' for a dev login. */
const KIND_KEY = 'session.kind';
export const LOGIN_PAGE = '/pages/login/index';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called whenever the session ends (logout or an expired token), e.g. to drop cached data. */
export function onSessionEnd(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToken(): string {
  if (process.env.TARO_ENV !== 'h5') return '';
  const v: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof v === 'string' ? v : '';
}

export function getSessionOpenid(): string {
  const v: unknown = Taro.getStorageSync(OPENID_KEY);
  return typeof v === 'string' ? v : '';
}

/** weapp always has a session (WeChat's); H5 has one once a code was redeemed or a dev login stored a token. */
export function hasSession(): boolean {
  if (process.env.TARO_ENV !== 'h5') return true;
  if (TRANSPORT === 'cloudbase') return isWebSession();
  return getToken() !== '';
}

/** Signed in on the web with a code (as opposed to the demo's dev login or WeChat). */
export function isWebSession(): boolean {
  if (process.env.TARO_ENV !== 'h5') return false;
  return Taro.getStorageSync(KIND_KEY) === 'web';
}

/** A web sign-in succeeded: keep the session (the local cloud's token; on CloudBase the SDK keeps its own). */
export function storeWebSession(token: string): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(KIND_KEY, 'web');
  Taro.removeStorageSync(OPENID_KEY);
}

export type DevLoginInput = { openid: string } | { key: string };

export async function devLogin(input: DevLoginInput): Promise<{ token: string; openid: string }> {
  let json: unknown;
  try {
    const res = await fetch(`${API_BASE}/api/dev/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    json = await res.json();
  } catch {
    throw networkError();
  }
  if (!isEnvelope(json)) throw networkError();
  if (!json.ok) throw new ApiError(json.code, json.message);
  const data = json.data as { token?: unknown; openid?: unknown };
  if (typeof data?.token !== 'string' || typeof data.openid !== 'string') throw networkError();
  Taro.setStorageSync(TOKEN_KEY, data.token);
  Taro.setStorageSync(OPENID_KEY, data.openid);
  Taro.setStorageSync(KIND_KEY, 'dev');
  return { token: data.token, openid: data.openid };
}

/**
 * Whether the local cloud offers the demo's dev login (`npm start`; off where it is switched off).
 * Never on CloudBase.
 */
export async function devLoginAvailable(): Promise<boolean> {
  if (TRANSPORT !== 'local') return false;
  try {
    const res = await fetch(`${API_BASE}/api/dev/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return res.status !== 404;
  } catch {
    return false;
  }
}

function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(OPENID_KEY);
  Taro.removeStorageSync(KIND_KEY);
  listeners.forEach((l) => l());
}

export function logout(): void {
  clearSession();
}

let redirecting = false;

/**
 * The page being shown with its own query (Taro's `stamp` and `$taro…` left out), for the login page
 * to come back to; loginReturningTo() takes only a page of this app with a plain query.
 */
function currentPage(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return '';
  const path = router.path.split('?')[0];
  const query = Object.entries(router.params ?? {})
    .filter(([key, value]) => key !== 'stamp' && !key.startsWith('$') && typeof value === 'string')
    .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/**
 * H5: the session is missing, expired or ended elsewhere (signed out, revoked by an organiser);
 * forget it and send the visitor to sign in, asking the login page to come back to this page.
 */
export function sessionExpired(): void {
  clearSession();
  if (redirecting) return;
  const path = Taro.getCurrentInstance().router?.path ?? '';
  if (path.startsWith(LOGIN_PAGE)) return;
  redirecting = true;
  Taro.reLaunch({ url: loginReturningTo(currentPage()) }).finally(() => {
    redirecting = false;
  });
}
