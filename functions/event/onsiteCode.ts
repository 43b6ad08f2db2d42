// The rotating on-site code: an HMAC of the event and the 15-second window under the event's
// secret, so another event's code or a screenshot older than 30 seconds fails.

import { createHmac } from 'node:crypto';
import { qrWindow } from '../../core/domain/event';
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
