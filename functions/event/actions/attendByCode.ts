// attendByCode: a member scans the organiser's rotating on-site code in the app and is marked
// present at that event only (see ../onsiteCode.ts: another event's code or a screenshot older
// than 30 seconds fails). Scanning twice is harmless.

import type { EventResponses } from '../../../core/contracts/event';
import { attendanceOpen, ATTENDANCE_OPENS_BEFORE_MS } from '../../../core/domain/event';
import { formatBeijing } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { awardPoints } from '../../points/ports';
import type { RegistrationDoc } from '../model';
import { loadForMember } from '../access';
import { qrTokenValid } from '../onsiteCode';
import { moveRegistration, registrationId } from '../registration';

export async function attendByCode(input: { eventId: string; token: string }, ctx: ActionContext): Promise<EventResponses['attendByCode']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
  if (!qrTokenValid(event, input.token, now)) throw precondition('签到码已过期或不属于这个活动，请扫描现场屏幕上最新的签到码');
  if (event.status !== 'published') throw precondition('活动已取消');
  if (!attendanceOpen(event, now)) {
    throw precondition(now < event.startsAt ? `签到从活动开始前1小时（${formatBeijing(event.startsAt - ATTENDANCE_OPENS_BEFORE_MS)}）开放` : '活动已结束，不能再签到');
  }
  const reg = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  if (!reg || reg.status !== 'confirmed') throw precondition(reg?.status === 'waitlisted' ? '您还在候补名单上，请联系现场工作人员' : '您没有报名这个活动，请联系现场工作人员');
  // Points for attending, after the attendance committed (ref: the event, so once per event); a
  // repeated scan asks again, so a call that died before its award is completed by the next scan.
  const award = (at: number) =>
    awardPoints(db, { orgId: member.orgId, memberId: member._id, unitId: member.unitId, unitPath: member.unitPath, source: 'event', ref: event._id, asked: 1, at });
  if (reg.attended) {
    await award(reg.attendedAt ?? now);
    return { eventId: event._id, title: event.title, attendedAt: reg.attendedAt ?? now, already: true };
  }
  const moved = await moveRegistration(db, reg, 'confirmed', member._id, now, { attended: true, attendedAt: now, attendedBy: 'qr' });
  if (!moved) {
    // A concurrent scan (or an organiser) changed it: report what is there now.
    const current = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, reg._id);
    if (current?.attended) {
      await award(current.attendedAt ?? now);
      return { eventId: event._id, title: event.title, attendedAt: current.attendedAt ?? now, already: true };
    }
    throw precondition('签到状态刚刚发生了变化，请再扫一次');
  }
  await updateById(db, COLLECTIONS.events, event._id, { attended: _.inc(1), [`byUnit.${reg.unitId}.a`]: _.inc(1) });
  await award(now);
  return { eventId: event._id, title: event.title, attendedAt: now, already: false };
}
