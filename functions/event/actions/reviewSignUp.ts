// reviewSignUp: an organiser approves a pending sign-up in a branch they manage (a seat, else the
// waitlist, else refused when full) or rejects it with a reason the member sees.

import type { EventResponses } from '../../../core/contracts/event';
import { COLLECTIONS } from '../../lib/collections';
import { updateById } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import type { RegistrationDoc } from '../model';
import { loadForOrganiser, registrationForOrganiser } from '../access';
import { moveRegistration } from '../registration';
import { claimSeat, releaseSeat } from '../seats';

export async function reviewSignUp(
  input: { eventId: string; memberId: string; approve: boolean; reason: string },
  ctx: ActionContext,
): Promise<EventResponses['reviewSignUp']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const reg = await registrationForOrganiser(ctx, scope, input.memberId);
  if (reg.status !== 'pending') throw precondition('这条报名已经审核过了');
  if (!input.approve && input.reason.length < 2) throw invalid('请填写不通过的原因（至少2个字）');
  const now = clock.now();
  const event = scope.event;
  let status: RegistrationDoc['status'];
  let seat = false;
  if (!input.approve) status = 'rejected';
  else if (await claimSeat(db, event, reg.unitId)) {
    status = 'confirmed';
    seat = true;
  } else if (event.waitlist) status = 'waitlisted';
  else throw precondition('名额已满，无法通过；可以调整人数上限后再审核');
  const moved = await moveRegistration(db, reg, status, scope.me._id, now, {
    reviewReason: input.reason,
    confirmedAt: seat ? now : null,
    waitAt: status === 'waitlisted' ? now : null,
  });
  if (!moved) {
    if (seat) await releaseSeat(db, event._id, reg.unitId);
    throw precondition('报名状态刚刚发生了变化，请刷新后再试');
  }
  await updateById(db, COLLECTIONS.events, event._id, { pending: _.inc(-1), ...(status === 'waitlisted' ? { waitlisted: _.inc(1) } : {}) });
  return { status };
}
