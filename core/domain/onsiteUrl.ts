// The rotating on-site code as an https URL on the organisation's own domain
// (`https://<domain>/qr/checkin?e=<event>&t=<token>`), so every phone can open it: WeChat's
// scanner opens it in the mini-program's attendance page ("扫普通链接二维码打开小程序", which
// passes the URL encoded as the `q` option), a phone camera opens it in the web app. Platform-free:
// the event function writes it, the mini-program and the web app read it back.

import { ATTENDANCE_PAGE } from './event';

/** The fixed path of every on-site code; the WeChat console's rule maps this prefix to ATTENDANCE_PAGE. */
export const ONSITE_PATH = '/qr/checkin';

/** The event function's environment variable holding the web app's address (its origin). */
export const WEB_APP_URL_VARIABLE = 'WEB_APP_URL';

/** The path on-site codes held before attendance got its own name (codes made then still parse). */
const OLD_ATTENDANCE_PAGE = 'subpackages/event/checkin';

/** Event ids and tokens: what the functions make (hex ids, base64url tokens). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface OnsiteCode {
  eventId: string;
  token: string;
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The web app's origin from the setting (read by the event function and the deploy, in Node: the
 * URL class is used here only), or null when it is missing or unusable: https only (a
 * phone opens nothing else from a code without warnings), except plain http on this machine's own
 * names for the local cloud; no path, query, fragment or credentials (the code's path is fixed).
 */
export function webAppOrigin(raw: string | undefined): string | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const local = isLoopbackName(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

/** What the on-site code holds: the URL a phone opens. `origin` as webAppOrigin returns it. */
export function onsiteUrl(origin: string, eventId: string, token: string): string {
  return `${origin}${ONSITE_PATH}?e=${encodeURIComponent(eventId)}&t=${encodeURIComponent(token)}`;
}

function queryValue(query: string, key: string): string | undefined {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return undefined;
}

function codeFrom(e: string | null | undefined, t: string | null | undefined): OnsiteCode | null {
  return e && t && ID.test(e) && ID.test(t) ? { eventId: e, token: t } : null;
}

/** The old form: the attendance page's path (or its older name) with `?e=&t=`, bare or inside a longer link. */
function fromPagePath(text: string): OnsiteCode | null {
  for (const path of [ATTENDANCE_PAGE, OLD_ATTENDANCE_PAGE]) {
    const at = text.indexOf(`${path}?`);
    if (at < 0) continue;
    const query = text.slice(at + path.length + 1).split('#')[0];
    return codeFrom(queryValue(query, 'e'), queryValue(query, 't'));
  }
  return null;
}

/** `scheme://host[:port]path?query#fragment`, split without the URL class (the mini-program has none). */
const URL_PARTS = /^(https?):\/\/([^/?#\s]*)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i;
const HOST = /^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(:(\d{1,5}))?$/;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** The URL form; `origin`, when known, must match (another site's code is not ours). */
function fromUrl(text: string, origin: string | undefined): OnsiteCode | null | undefined {
  const parts = URL_PARTS.exec(text);
  if (!parts) return /^https?:\/\//i.test(text) ? null : undefined;
  const [, rawScheme, rawHost, path, query] = parts;
  if (path.replace(/\/+$/, '') !== ONSITE_PATH) return undefined;
  const host = HOST.exec(rawHost);
  if (!host) return null;
  const scheme = rawScheme.toLowerCase();
  const port = host[4] && host[4] !== DEFAULT_PORT[scheme] ? `:${host[4]}` : '';
  if (origin !== undefined && `${scheme}://${host[1].toLowerCase().replace(/\.$/, '')}${port}` !== origin) return null;
  const q = (query ?? '').slice(1);
  return codeFrom(queryValue(q, 'e'), queryValue(q, 't'));
}

/**
 * The event and token an on-site code carries, or null for anything else (another app's code, a
 * damaged scan, a missing part). Accepts:
 * - the URL (`https://<domain>/qr/checkin?e=&t=`), as wx.scanCode's `result` or a camera opens it;
 * - the same URL encoded once or twice, as the mini-program's `q` option carries it;
 * - the old page path (`subpackages/event/attendance?e=&t=` or `subpackages/event/checkin?...`),
 *   bare, with a leading slash, or inside a longer link (a web link's hash).
 * `opts.origin` (the web app's origin, when the caller knows it) refuses URLs of other sites.
 */
export function parseOnsiteCode(scanned: string, opts: { origin?: string } = {}): OnsiteCode | null {
  let text = scanned.trim();
  for (let round = 0; round < 3; round++) {
    if (text === '') return null;
    const url = fromUrl(text, opts.origin);
    if (url !== undefined) return url;
    const page = fromPagePath(text);
    if (page) return page;
    // The `q` option is the URL encoded (WeChat encodes once, some paths twice): decode and retry.
    if (!/%[0-9A-Fa-f]{2}/.test(text)) return null;
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return null;
    }
  }
  return null;
}
