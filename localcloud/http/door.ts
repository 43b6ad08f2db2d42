// Who may knock at the local host. POST /admin reads and writes the whole database and invokes any
// function (timer jobs included), so it opens only to what wx-server-sdk presents when it runs with
// the credentials this run handed out: the secret id in its Authorization header and the session
// token in the body (every SDK version sends TENCENTCLOUD_SESSIONTOKEN as `sessionToken`, a form
// field for wx.openApi). Browsers are refused before the body is read: a page the developer visits
// can post to 127.0.0.1, and a rebound DNS name can even read the answers.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './body';

/** Per-run credentials, passed to function instances and in-process SDK users as the runtime's env. */
export interface AdminCredentials {
  secretId: string;
  secretKey: string;
  sessionToken: string;
}

export function newAdminCredentials(): AdminCredentials {
  return {
    secretId: `AKIDlocal${randomBytes(12).toString('hex')}`,
    secretKey: randomBytes(24).toString('hex'),
    sessionToken: randomBytes(32).toString('hex'),
  };
}

/** Equal without telling, by its timing, how much of a guess was right. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * A Host header naming this machine: localhost, 127.x.x.x or [::1], with or without a port. Any
 * other name reaching a loopback listener was made to point here (DNS rebinding).
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return false;
  const name = match[1].replace(/\.$/, '');
  if (name === 'localhost' || name === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** An Origin header of a page served from this machine (http or https, any port). */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
}

/** Why a request looks like a browser's (undefined when it does not). */
function browserSign(req: IncomingMessage): string | undefined {
  if (req.headers.origin !== undefined) return 'an Origin header';
  for (const name of ['sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'sec-fetch-user']) {
    if (req.headers[name] !== undefined) return `a ${name} header`;
  }
  // The SDK sends JSON or, for wx.openApi, multipart. text/plain, urlencoded (and a missing type)
  // are what a browser's simple cross-origin request carries.
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json') && !type.startsWith('multipart/form-data')) return `content type "${type.slice(0, 60)}"`;
  return undefined;
}

/** The secret id the SDK names in `Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/tcb/tc3_request, …`. */
function credentialId(authorization: string | undefined): string | undefined {
  const match = /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\//.exec(authorization ?? '');
  return match ? match[1] : undefined;
}

/**
 * What can be checked before reading the body: loopback peer and Host name, no browser signs, the
 * run's secret id. Returns why the request is refused, or undefined. The session token in the body
 * is checked after it is read (sameSecret).
 */
export function adminRefusal(req: IncomingMessage, credentials: AdminCredentials): string | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return `a peer that is not loopback (${req.socket.remoteAddress ?? 'unknown'})`;
  if (!isLoopbackHost(req.headers.host)) return `Host "${String(req.headers.host ?? '').slice(0, 80)}" is not a loopback name`;
  const sign = browserSign(req);
  if (sign) return `a browser's request (${sign})`;
  if (!sameSecret(credentialId(req.headers.authorization), credentials.secretId)) return 'no credentials of this run';
  return undefined;
}

/**
 * Every request first: only names of this machine (a page whose DNS name was made to point here
 * would otherwise read the answers as same-origin), and a target a URL parser accepts. Answers
 * and returns undefined when the request goes no further.
 */
export function screenRequest(req: IncomingMessage, res: ServerResponse): URL | undefined {
  let refusal: [number, Record<string, unknown>] | undefined;
  let url: URL | undefined;
  if (!isLoopbackHost(req.headers.host)) {
    refusal = [403, { ok: false, code: 'FORBIDDEN', message: '请用本机地址（127.0.0.1 或 localhost）打开' }];
  } else {
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refusal = [400, { ok: false, code: 'INVALID_ARGUMENT', message: '请求地址不正确' }];
    }
  }
  if (refusal) {
    req.resume();
    sendJson(res, refusal[0], refusal[1], { Connection: 'close' });
  }
  return url;
}
