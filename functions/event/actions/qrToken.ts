// qrToken: the organiser's phone shows the on-site code, which changes every 15 seconds; members
// scan it to attend (attendByCode).

import qrcode from 'qrcode-generator';
import type { EventResponses } from '../../../core/contracts/event';
import { ATTENDANCE_PAGE, QR_WINDOW_MS, qrWindow } from '../../../core/domain/event';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { qrTokenFor } from '../onsiteCode';

/** The rotating on-site code: the current token, the path it opens, and the code as an image. */
export async function qrToken(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['qrToken']> {
  const { clock } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  if (event.status !== 'published') throw precondition('活动未发布或已取消');
  const now = clock.now();
  if (now > event.endsAt) throw precondition('活动已结束');
  const w = qrWindow(now);
  const token = qrTokenFor(event, w);
  const content = `${ATTENDANCE_PAGE}?e=${event._id}&t=${token}`;
  const qr = qrcode(0, 'M');
  qr.addData(content);
  qr.make();
  return { token, content, expiresAt: (w + 1) * QR_WINDOW_MS, serverNow: now, image: qr.createDataURL(8, 4) };
}
