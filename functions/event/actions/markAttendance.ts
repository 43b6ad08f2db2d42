// markAttendance: an organiser marks a member of a branch they manage present or absent by hand,
// with the reason kept in the registration's attendance log. A roster member of the audience who
// never signed up — a walk-in, or an entry never bound to WeChat who could not — is marked present
// too: a registration is made for them (`walkIn`, its id the member's, so racing marks make one),
// and marking them absent later gives the place back.

import type { EventResponses } from '../../../core/contracts/event';
import { ATTENDANCE_OPENS_BEFORE_MS } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById } from '../../lib/db';
import { notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getMember, requireManagedUnit } from '../../org/ports';
import { awardPoints } from '../../points/ports';
import { inAudience, loadForOrganiser, registrationForOrganiser, type OrganiserScope } from '../access';
import type { RegistrationDoc } from '../model';
import { moveRegistration, registrationId } from '../registration';

export async function markAttendance(
  input: { eventId: string; memberId: string; attended: boolean; reason: string },
  ctx: ActionContext,
): Promise<EventResponses['markAttendance']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const existing = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(scope.event._id, input.memberId));
  const now = clock.now();
  const entry = { at: now, by: scope.me._id, byName: scope.me.name, attended: input.attended, reason: input.reason };
  if (!existing) {
    if (!input.attended) throw notFound('成员：这名党员没有报名，也没有登记过出席');
    return walkIn(ctx, scope, input.memberId, entry);
  }
  const reg = await registrationForOrganiser(ctx, scope, input.memberId);
  if (reg.walkIn && reg.status === 'cancelled' && input.attended) {
    // A walk-in marked absent by mistake, marked present again: the place comes back with the mark.
    assertAttendanceOpen(scope, now);
    const moved = await moveRegistration(db, reg, 'confirmed', scope.me._id, now, { ...presentFields(now), cancelledAt: null, attendanceLog: _.push(entry) });
    if (!moved) return { attended: (await settled(ctx, reg._id)).attended };
    await updateById(db, COLLECTIONS.events, input.eventId, { confirmed: _.inc(1), [`byUnit.${reg.unitId}.c`]: _.inc(1), attended: _.inc(1), [`byUnit.${reg.unitId}.a`]: _.inc(1) });
    await awardAttendance(ctx, input.eventId, reg.memberId, now);
    return { attended: true };
  }
  if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') {
    if (reg.walkIn && !input.attended) return { attended: false };
    throw precondition('只能为已报名或候补的党员登记出席');
  }
  assertAttendanceOpen(scope, now);
  if (reg.attended === input.attended) {
    if (reg.attended) await awardAttendance(ctx, input.eventId, reg.memberId, reg.attendedAt ?? now);
    return { attended: reg.attended };
  }
  // A walk-in marked absent: they held no place of their own, so the registration goes with the mark.
  const undoWalkIn = reg.walkIn === true && !input.attended;
  const moved = await moveRegistration(db, reg, undoWalkIn ? 'cancelled' : reg.status, scope.me._id, now, {
    attended: input.attended,
    attendedAt: input.attended ? now : null,
    attendedBy: input.attended ? 'organiser' : null,
    attendanceLog: _.push(entry),
    ...(undoWalkIn ? { cancelledAt: now } : {}),
  });
  if (!moved) {
    // A concurrent mark won: the same mark again is done, a different one asks for a refresh.
    const fresh = await settled(ctx, reg._id);
    if (fresh.attended === input.attended) return { attended: fresh.attended };
    throw precondition('签到状态刚刚发生了变化，请刷新后再试');
  }
  const d = input.attended ? 1 : -1;
  await updateById(db, COLLECTIONS.events, input.eventId, {
    attended: _.inc(d),
    [`byUnit.${reg.unitId}.a`]: _.inc(d),
    ...(undoWalkIn ? { confirmed: _.inc(-1), [`byUnit.${reg.unitId}.c`]: _.inc(-1) } : {}),
  });
  if (input.attended) await awardAttendance(ctx, input.eventId, reg.memberId, now);
  return { attended: input.attended };
}

function assertAttendanceOpen(scope: OrganiserScope, now: number): void {
  if (now < scope.event.startsAt - ATTENDANCE_OPENS_BEFORE_MS) throw precondition('活动开始前1小时起才能登记出席');
}

function presentFields(now: number) {
  return { attended: true, attendedAt: now, attendedBy: 'organiser' as const };
}

async function settled(ctx: ActionContext, id: string): Promise<RegistrationDoc> {
  const fresh = await getById<RegistrationDoc>(ctx.deps.db, COLLECTIONS.eventRegistrations, id);
  if (!fresh) throw notFound('找不到这条报名');
  return fresh;
}

/**
 * A roster member of the audience who never signed up, marked present: one registration (its id is
 * the member's, so of racing marks one inserts), and only the insert moves the counters — the
 * place (no capacity check: they were there) and the attendance, per branch too.
 */
async function walkIn(
  ctx: ActionContext,
  scope: OrganiserScope,
  memberId: string,
  entry: { at: number; by: string; byName: string; attended: boolean; reason: string },
): Promise<{ attended: boolean }> {
  const { db } = ctx.deps;
  const _ = db.command;
  const { event } = scope;
  const member = await getMember(db, memberId);
  if (!member || member.orgId !== event.orgId) throw notFound('成员：花名册中没有这名党员');
  await requireManagedUnit(db, scope.me, member.unitId);
  if (!inAudience(event, member.unitPath)) throw precondition('成员：这个活动不面向该党员所在的组织');
  if (event.status !== 'published') throw precondition('活动已取消或尚未发布，不能登记出席');
  const now = entry.at;
  assertAttendanceOpen(scope, now);
  const reg: RegistrationDoc = {
    _id: registrationId(event._id, member._id),
    eventId: event._id,
    memberId: member._id,
    orgId: member.orgId,
    unitId: member.unitId,
    name: member.name,
    status: 'confirmed',
    signedUpAt: now,
    waitAt: null,
    confirmedAt: now,
    promoted: false,
    cancelledAt: null,
    reviewReason: '',
    ...presentFields(now),
    attendanceLog: [entry],
    history: [{ at: now, status: 'confirmed', by: scope.me._id }],
    rev: 1,
    walkIn: true,
  };
  try {
    await insert(db, COLLECTIONS.eventRegistrations, { ...reg });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // A concurrent mark (or the member's own sign-up) made it first: answer what is there.
    const fresh = await settled(ctx, reg._id);
    return { attended: fresh.attended };
  }
  await updateById(db, COLLECTIONS.events, event._id, { confirmed: _.inc(1), [`byUnit.${reg.unitId}.c`]: _.inc(1), attended: _.inc(1), [`byUnit.${reg.unitId}.a`]: _.inc(1) });
  await awardAttendance(ctx, event._id, member._id, now);
  return { attended: true };
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
