// The rotating on-site code: an HMAC of the event and the 15-second window under the event's
// secret, so another event's code or a screenshot older than 30 seconds fails. The code a phone
// scans is a URL on the web app's domain (core/domain/onsiteUrl.ts), from the WEB_APP_URL setting.

import { createHmac } from 'node:crypto';
import { qrWindow } from '../../core/domain/event';
import { WEB_APP_URL_VARIABLE, webAppOrigin } from '../../core/domain/onsiteUrl';
import { precondition } from '../lib/errors';
import type { EventDoc } from './model';

/** The on-site code of a 15-second window: an HMAC of the event and the window under its secret. */
export function qrTokenFor(event: EventDoc, window: number): string {
  return createHmac('sha256', event.qrSecret).update(`${event._id}.${window}`).digest('base64url').slice(0, 16);
}

/** Accepted in its own window and the next one (a code on screen is never rejected as it changes). */
export function qrTokenValid(event: EventDoc, token: string, now: number): boolean {
  const w = qrWindow(now);
  return token === qrTokenFor(event, w) || token === qrTokenFor(event, w - 1);
}

/**
 * The web app's origin from the function's WEB_APP_URL (set by `npm run deploy`, which refuses to
 * deploy without it; the local cloud sets its own address). Missing or unusable: FAILED_PRECONDITION
 * naming the setting, never a code that opens nothing.
 */
export function configuredWebOrigin(): string {
  const raw = process.env[WEB_APP_URL_VARIABLE];
  const origin = webAppOrigin(raw);
  if (origin) return origin;
  const what = raw && raw.trim() !== '' ? `环境变量 ${WEB_APP_URL_VARIABLE} 的值不可用（须为 https:// 开头、不带路径的网址）` : `未设置环境变量 ${WEB_APP_URL_VARIABLE}`;
  throw precondition(`签到码暂时无法生成：云函数 event ${what}。请系统管理员设置为本单位已验证的网页域名，例如 https://dj.example.org.cn`);
}
