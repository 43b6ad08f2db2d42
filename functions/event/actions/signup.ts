// Signing up, cancelling and the organiser's review. Seats are settled by the database: a
// conditional increment of the event's `confirmed` below its capacity, never a count followed by
// an insert; the registration's `_id` (event and member) makes signing up twice harmless; every
// status change is conditional on the registration's revision, so each member is promoted from
// the waitlist at most once.

import type { EventResponses, SignUpResult } from '../../../core/contracts/event';
import { cancelDeadline, seatsLeft, signupWindowRefusal, SIGNUP_REFUSAL_TEXT } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, type Database } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';
import type { Caller } from '../../org/ports';
import {
  claimSeat,
  fillFromWaitlist,
  handOverSeat,
  loadForMember,
  loadForOrganiser,
  moveRegistration,
  registrationForOrganiser,
  registrationId,
  releaseSeat,
  waitPosition,
} from '../shared';

const ACTIVE = new Set(['confirmed', 'waitlisted', 'pending']);

function newRegistration(event: EventDoc, member: Caller, now: number): RegistrationDoc {
  return {
    _id: registrationId(event._id, member._id),
    eventId: event._id,
    memberId: member._id,
    orgId: member.orgId,
    unitId: member.unitId,
    name: member.name,
    status: 'pending',
    signedUpAt: now,
    waitAt: null,
    confirmedAt: null,
    promoted: false,
    cancelledAt: null,
    reviewReason: '',
    attended: false,
    attendedAt: null,
    attendedBy: null,
    attendanceLog: [],
    history: [],
    rev: 0,
  };
}

async function answer(db: Database, event: EventDoc, reg: RegistrationDoc, created: boolean): Promise<SignUpResult> {
  const fresh = (await getById<EventDoc>(db, COLLECTIONS.events, event._id)) ?? event;
  return { status: reg.status, created, seatsLeft: seatsLeft(fresh.capacity, fresh.confirmed), waitPosition: await waitPosition(db, reg) };
}

export async function signUp(input: { eventId: string }, ctx: ActionContext): Promise<SignUpResult> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
  if (event.status === 'cancelled') throw precondition(SIGNUP_REFUSAL_TEXT.cancelled_event);
  const existing = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  if (existing && ACTIVE.has(existing.status)) return answer(db, event, existing, false);
  if (existing?.status === 'rejected') throw precondition(SIGNUP_REFUSAL_TEXT.rejected);
  const refusal = signupWindowRefusal(event, now);
  if (refusal) throw precondition(SIGNUP_REFUSAL_TEXT[refusal]);

  // Decide the status: pending review, a seat, the waitlist, or full.
  let status: RegistrationDoc['status'];
  let seat = false;
  if (event.approval) status = 'pending';
  else if (await claimSeat(db, event, member.unitId)) {
    status = 'confirmed';
    seat = true;
  } else if (event.waitlist) status = 'waitlisted';
  else throw precondition('名额已满，报名未成功');

  const extra = {
    status,
    waitAt: status === 'waitlisted' ? now : null,
    confirmedAt: seat ? now : null,
    promoted: false,
    signedUpAt: now,
    cancelledAt: null,
  };
  let reg: RegistrationDoc;
  let written: boolean;
  if (!existing) {
    reg = { ...newRegistration(event, member, now), ...extra, history: [{ at: now, status, by: member._id }], rev: 1 };
    try {
      await insert(db, COLLECTIONS.eventRegistrations, { ...reg });
      written = true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      written = false;
    }
  } else {
    // Signing up again after cancelling: the same document, its history kept.
    written = await moveRegistration(db, existing, status, member._id, now, extra);
    reg = { ...existing, ...extra, rev: existing.rev + 1 };
  }
  if (!written) {
    // A concurrent sign-up of the same member won: give back what this one took.
    if (seat) await releaseSeat(db, event._id, member.unitId);
    const current = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
    if (!current) throw new Error('registration vanished');
    return answer(db, event, current, false);
  }
  if (status === 'waitlisted') {
    await updateById(db, COLLECTIONS.events, event._id, { waitlisted: _.inc(1) });
    // A seat freed while this was written would otherwise wait for the next cancellation.
    await fillFromWaitlist(ctx.deps, event._id);
    reg = (await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, reg._id)) ?? reg;
  } else if (status === 'pending') {
    await updateById(db, COLLECTIONS.events, event._id, { pending: _.inc(1) });
  }
  return answer(db, event, reg, true);
}

export async function cancelSignUp(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['cancelSignUp']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
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
