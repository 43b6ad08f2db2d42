// markAttendance: an organiser marks a member of a branch they manage present or absent by hand,
// with the reason kept in the registration's attendance log.

import type { EventResponses } from '../../../core/contracts/event';
import { ATTENDANCE_OPENS_BEFORE_MS } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { updateById } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser, registrationForOrganiser } from '../access';
import { moveRegistration } from '../registration';

export async function markAttendance(
  input: { eventId: string; memberId: string; attended: boolean; reason: string },
  ctx: ActionContext,
): Promise<EventResponses['markAttendance']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const reg = await registrationForOrganiser(ctx, scope, input.memberId);
  if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') throw precondition('只能为已报名或候补的党员登记出席');
  const now = clock.now();
  if (now < scope.event.startsAt - ATTENDANCE_OPENS_BEFORE_MS) throw precondition('活动开始前1小时起才能登记出席');
  if (reg.attended === input.attended) return { attended: reg.attended };
  const entry = { at: now, by: scope.me._id, byName: scope.me.name, attended: input.attended, reason: input.reason };
  const moved = await moveRegistration(db, reg, reg.status, scope.me._id, now, {
    attended: input.attended,
    attendedAt: input.attended ? now : null,
    attendedBy: input.attended ? 'organiser' : null,
    attendanceLog: _.push(entry),
  });
  if (!moved) throw precondition('签到状态刚刚发生了变化，请刷新后再试');
  const d = input.attended ? 1 : -1;
  await updateById(db, COLLECTIONS.events, input.eventId, { attended: _.inc(d), [`byUnit.${reg.unitId}.a`]: _.inc(d) });
  return { attended: input.attended };
}
