// signUp: a member signs up for an event their branch is invited to: pending review, a seat, the
// waitlist, or refused when full. Seats are settled by the database (see ../seats.ts); the
// registration's `_id` (event and member) makes signing up twice harmless.

import type { SignUpResult } from '../../../core/contracts/event';
import { seatsLeft, signupWindowRefusal, SIGNUP_REFUSAL_TEXT } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, type Database } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { consumeAll, MINUTE_MS, type LimitRule } from '../../lib/rateLimit';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';
import type { Caller } from '../../org/ports';
import { loadForMember } from '../access';
import { ACTIVE, moveRegistration, registrationId, waitPosition } from '../registration';
import { claimSeat, fillFromWaitlist, releaseSeat } from '../seats';

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

/**
 * Sign-ups and cancellations per member (issue 14, item 9), together: a stuck button or a script
 * is slowed down; a real member never meets it (16 taps on one button all pass). No day ceiling:
 * MAX_CANCELLATIONS already bounds what one event's registration can grow by.
 */
export const REGISTRATION_LIMITS: LimitRule[] = [{ scope: 'registration-min', limit: 20, windowMs: MINUTE_MS, kind: 'writes' }];

/** Cancellations of one registration after which the member cannot sign up again by themselves. */
const MAX_CANCELLATIONS = 3;

export async function signUp(input: { eventId: string }, ctx: ActionContext): Promise<SignUpResult> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
  await consumeAll(db, REGISTRATION_LIMITS, member._id, now);
  if (event.status === 'cancelled') throw precondition(SIGNUP_REFUSAL_TEXT.cancelled_event);
  const existing = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  if (existing && ACTIVE.has(existing.status)) return answer(db, event, existing, false);
  if (existing?.status === 'rejected') throw precondition(SIGNUP_REFUSAL_TEXT.rejected);
  // A sign-up and cancel loop would grow the history and the cancellation count without end.
  if (existing && existing.history.filter((h) => h.status === 'cancelled').length >= MAX_CANCELLATIONS) {
    throw precondition(`您已取消过${MAX_CANCELLATIONS}次报名，不能再报名这个活动；如需参加请联系组织者`);
  }
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
