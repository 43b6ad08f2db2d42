// cancelSignUp: a member cancels before the event's cancellation deadline (not once attended); a
// confirmed seat goes straight to the first on the waitlist. The registration keeps its history.

import type { EventResponses } from '../../../core/contracts/event';
import { cancelDeadline } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import type { RegistrationDoc } from '../model';
import { loadForMember } from '../access';
import { ACTIVE, moveRegistration, registrationId } from '../registration';
import { handOverSeat, releaseSeat } from '../seats';
import { REGISTRATION_LIMITS } from './signUp';

export async function cancelSignUp(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['cancelSignUp']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
  await consumeAll(db, REGISTRATION_LIMITS, member._id, now);
  const reg = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  if (!reg || !ACTIVE.has(reg.status)) throw precondition('您没有报名这个活动');
  if (reg.attended) throw precondition('您已签到，不能取消报名');
  if (now >= cancelDeadline(event)) throw precondition(`活动开始前${event.cancelHours}小时内不能取消报名，请联系支部`);
  if (!(await moveRegistration(db, reg, 'cancelled', member._id, now, { cancelledAt: now }))) {
    throw precondition('报名状态刚刚发生了变化，请刷新后再试');
  }
  let promotedOthers = 0;
  if (reg.status === 'confirmed') {
    await updateById(db, COLLECTIONS.events, event._id, { cancelled: _.inc(1) });
    if (await handOverSeat(ctx.deps, event, reg.unitId)) promotedOthers = 1;
    else await releaseSeat(db, event._id, reg.unitId);
  } else {
    await updateById(db, COLLECTIONS.events, event._id, { cancelled: _.inc(1), [reg.status === 'waitlisted' ? 'waitlisted' : 'pending']: _.inc(-1) });
  }
  return { status: 'cancelled', promotedOthers };
}
