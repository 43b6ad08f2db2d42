// qrToken: the organiser's phone shows the on-site code, which changes every 15 seconds; members
// scan it to attend (attendByCode). The code is an https URL on the organisation's web domain
// (WEB_APP_URL), so WeChat's scanner opens the mini-program and a phone camera the web app.

import qrcode from 'qrcode-generator';
import type { EventResponses } from '../../../core/contracts/event';
import { QR_WINDOW_MS, qrWindow } from '../../../core/domain/event';
import { onsiteUrl } from '../../../core/domain/onsiteUrl';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { configuredWebOrigin, qrTokenFor } from '../onsiteCode';

/** The rotating on-site code: the current token, the URL it opens, and the code as an image. */
export async function qrToken(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['qrToken']> {
  const { clock } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  if (event.status !== 'published') throw precondition('活动未发布或已取消');
  const now = clock.now();
  if (now > event.endsAt) throw precondition('活动已结束');
  // Fail closed: without the domain a code would hold a bare path that no phone camera opens.
  const origin = configuredWebOrigin();
  const w = qrWindow(now);
  const token = qrTokenFor(event, w);
  const content = onsiteUrl(origin, event._id, token);
  // Error correction M; a 24-character id and a 16-character token on a domain of up to 19
  // characters fit version 5 (37 modules, as the old bare path did), up to 41 characters version 6.
  const qr = qrcode(0, 'M');
  qr.addData(content);
  qr.make();
  return { token, content, expiresAt: (w + 1) * QR_WINDOW_MS, serverNow: now, image: qr.createDataURL(8, 4) };
}
