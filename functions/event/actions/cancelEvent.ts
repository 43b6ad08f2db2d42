// cancelEvent: its creator or an org admin cancels an event before it ends, with a reason; those
// signed up or waiting hear it by subscribe message.

import type { EventResponses } from '../../../core/contracts/event';
import { COLLECTIONS } from '../../lib/collections';
import { list, updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { membersByIds } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';
import { loadForOrganiser } from '../access';
import { tellAboutEvent } from '../messages';
import { adminViewFor } from '../views';

export async function cancelEvent(input: { eventId: string; reason: string }, ctx: ActionContext): Promise<EventResponses['cancelEvent']> {
  const { db, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  if (scope.event.status === 'cancelled') return { ...(await adminViewFor(ctx, scope)), notified: 0 };
  const now = clock.now();
  if (now > scope.event.endsAt) throw precondition('活动已结束，不能取消');
  const n = await updateWhere(db.collection(COLLECTIONS.events).where({ _id: scope.event._id, status: scope.event.status }), { status: 'cancelled', cancelReason: input.reason, updatedAt: now });
  if (n !== 1) throw precondition('活动状态刚刚发生了变化，请刷新后再试');
  const event = { ...scope.event, status: 'cancelled' as const, cancelReason: input.reason };
  // Those signed up or waiting hear it (the app shows the reason on the event page in any case).
  const notified = scope.event.status === 'published' ? await tellCancelled(ctx, event) : 0;
  return { ...(await adminViewFor(ctx, { ...scope, event })), notified };
}

async function tellCancelled(ctx: ActionContext, event: EventDoc): Promise<number> {
  const { db } = ctx.deps;
  const _ = db.command;
  const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: event._id, status: _.in(['confirmed', 'waitlisted', 'pending']) }).limit(1000));
  if (regs.length === 0) return 0;
  const members = await membersByIds(db, regs.map((r) => r.memberId));
  let sent = 0;
  for (const m of members) {
    if (m.openid && (await tellAboutEvent(ctx.deps, event, { memberId: m._id, openid: m.openid }, `活动已取消：${event.cancelReason ?? ''}`)) === 'sent') sent++;
  }
  return sent;
}
