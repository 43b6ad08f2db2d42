// markAttendance: an organiser marks a member of a branch they manage present or absent by hand,
// with the reason kept in the registration's attendance log.

import type { EventResponses } from '../../../core/contracts/event';
import { ATTENDANCE_OPENS_BEFORE_MS } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { updateById } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getMember } from '../../org/ports';
import { awardPoints } from '../../points/ports';
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
  if (reg.attended === input.attended) {
    if (reg.attended) await awardAttendance(ctx, input.eventId, reg.memberId, reg.attendedAt ?? now);
    return { attended: reg.attended };
  }
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
  if (input.attended) await awardAttendance(ctx, input.eventId, reg.memberId, now);
  return { attended: input.attended };
}

/**
 * Points for attending, once per event (the same award as a scan of the code), after the mark
 * committed; marking again asks again, so an award a died call missed is made then. Marking absent
 * later takes nothing back: points entries are never changed (docs/POINTS.md).
 */
async function awardAttendance(ctx: ActionContext, eventId: string, memberId: string, at: number): Promise<void> {
  const member = await getMember(ctx.deps.db, memberId);
  if (!member) return;
  await awardPoints(ctx.deps.db, { orgId: member.orgId, memberId, unitId: member.unitId, unitPath: member.unitPath, source: 'event', ref: eventId, asked: 1, at });
}
