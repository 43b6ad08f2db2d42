// What the event actions share: loading an event for a member or an organiser (audience and
// management checked on the server every call), the seat counter (conditional updates on the
// event document), promotion from the waitlist, the on-site code and the views.

import { createHmac } from 'node:crypto';
import type { EventAdminView, EventCard, EventDetail } from '../../core/contracts/event';
import {
  cancelDeadline,
  eventPhase,
  qrWindow,
  seatsLeft,
  signupWindowRefusal,
  SIGNUP_REFUSAL_TEXT,
  type RegistrationStatus,
} from '../../core/domain/event';
import { formatBeijing } from '../../core/domain/time';
import { audienceReaches, audienceTouches } from '../../core/domain/units';
import { COLLECTIONS } from '../lib/collections';
import { count, getById, list, updateById, updateWhere, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import { forbidden, notFound } from '../lib/errors';
import { type Caller, getMember, managedUnits, requireManagedUnit, requireMember, requireOrganiser, unitsByIds } from '../org/ports';
import type { UnitDoc } from '../lib/model';
import { clip, sendReminder } from '../lib/reminders';
import type { ActionContext } from '../lib/router';
import type { EventDoc, RegistrationDoc } from './model';

export const ALL_UNITS = 'ALL';
export const registrationId = (eventId: string, memberId: string) => `${eventId}_${memberId}`;

/** An audience unit reaches the members of every unit below it. */
export function inAudience(e: EventDoc, unitPath: readonly string[]): boolean {
  return audienceReaches(e.audience, unitPath, ALL_UNITS);
}

/** A published (or cancelled) event the member's branch is invited to; NOT_FOUND otherwise. */
export async function loadForMember(ctx: ActionContext, eventId: string): Promise<{ member: Caller; event: EventDoc }> {
  const member = await requireMember(ctx);
  const event = await getById<EventDoc>(ctx.deps.db, COLLECTIONS.events, eventId);
  if (!event || event.orgId !== member.orgId || event.status === 'draft' || !inAudience(event, member.unitPath)) throw notFound('找不到这个活动，可能已被删除或不面向您所在的支部');
  return { member, event };
}

export interface OrganiserScope {
  me: Caller;
  event: EventDoc;
  units: UnitDoc[];
  canEdit: boolean;
}

/**
 * An event of the organiser's organisation that reaches one of their branches (org admins: any).
 * Editing is for its creator and org admins.
 */
export async function loadForOrganiser(ctx: ActionContext, eventId: string, mode: 'view' | 'edit'): Promise<OrganiserScope> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const event = await getById<EventDoc>(db, COLLECTIONS.events, eventId);
  if (!event || event.orgId !== me.orgId) throw notFound('找不到这个活动');
  const units = await managedUnits(db, me);
  const canEdit = me.role === 'org_admin' || event.createdBy === me._id;
  // It names a unit of the organiser's subtrees, or a unit above them: it reaches their members.
  const canView = canEdit || audienceTouches(event.audience, units, ALL_UNITS);
  if (!canView) throw forbidden('这个活动不面向您管理的支部');
  if (mode === 'edit' && !canEdit) throw forbidden('只有发起人或单位管理员可以修改这个活动');
  return { me, event, units, canEdit };
}

/** Take one seat (and count it for the member's branch); false when none is left. */
export async function claimSeat(db: Database, event: EventDoc, unitId: string): Promise<boolean> {
  const _ = db.command;
  const data = { confirmed: _.inc(1), [`byUnit.${unitId}.c`]: _.inc(1) };
  if (event.capacity === 0) return (await updateById(db, COLLECTIONS.events, event._id, data)) === 1;
  return (await updateWhere(db.collection(COLLECTIONS.events).where({ _id: event._id, confirmed: _.lt(event.capacity) }), data)) === 1;
}

export async function releaseSeat(db: Database, eventId: string, unitId: string): Promise<void> {
  const _ = db.command;
  await updateById(db, COLLECTIONS.events, eventId, { confirmed: _.inc(-1), [`byUnit.${unitId}.c`]: _.inc(-1) });
}

/** Change a registration's status if it is still what was read (its rev); false when it changed meanwhile. */
export async function moveRegistration(
  db: Database,
  reg: RegistrationDoc,
  status: RegistrationStatus,
  by: string,
  now: number,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const _ = db.command;
  const n = await updateWhere(db.collection(COLLECTIONS.eventRegistrations).where({ _id: reg._id, rev: reg.rev }), {
    status,
    rev: _.inc(1),
    history: _.push({ at: now, status, by }),
    ...extra,
  });
  return n === 1;
}

/**
 * Give free seats to the waitlist, first come first served: claim a seat, then move the first
 * waitlisted registration to confirmed if it is still waitlisted (so each is promoted at most
 * once); a registration that changed meanwhile gives the seat back. Runs after every cancellation
 * and after every new waitlisted sign-up (a seat freed while it was being written is not lost).
 */
export async function fillFromWaitlist(deps: Deps, eventId: string): Promise<number> {
  const { db, clock } = deps;
  const _ = db.command;
  let promoted = 0;
  for (let round = 0; round < 20; round++) {
    const event = await getById<EventDoc>(db, COLLECTIONS.events, eventId);
    if (!event || event.status !== 'published' || !event.waitlist || clock.now() >= event.startsAt) return promoted;
    if (event.capacity !== 0 && event.confirmed >= event.capacity) return promoted;
    const [first] = await list<RegistrationDoc>(
      db.collection(COLLECTIONS.eventRegistrations).where({ eventId, status: 'waitlisted' }).orderBy('waitAt', 'asc').orderBy('_id', 'asc').limit(1),
    );
    if (!first) return promoted;
    if (!(await claimSeat(db, event, first.unitId))) return promoted;
    const now = clock.now();
    if (await moveRegistration(db, first, 'confirmed', 'waitlist', now, { promoted: true, confirmedAt: now })) {
      await updateById(db, COLLECTIONS.events, eventId, { waitlisted: _.inc(-1) });
      promoted++;
      await tellPromoted(deps, event, first);
    } else {
      await releaseSeat(db, eventId, first.unitId);
    }
  }
  return promoted;
}

/** A subscribe message about an event (its title, start and a note), spending one `event` credit. */
export function tellAboutEvent(deps: Deps, event: EventDoc, member: { memberId: string; openid: string }, note: string) {
  return sendReminder(deps, {
    ...member,
    topic: 'event',
    page: `subpackages/event/detail?id=${event._id}`,
    data: { thing1: { value: clip(event.title) }, time2: { value: formatBeijing(event.startsAt) }, thing3: { value: clip(note) } },
  });
}

/** A promoted member hears it by subscribe message when they hold a credit (and in the app, always). */
async function tellPromoted(deps: Deps, event: EventDoc, reg: RegistrationDoc): Promise<void> {
  const member = await getMember(deps.db, reg.memberId);
  if (member?.openid) await tellAboutEvent(deps, event, { memberId: reg.memberId, openid: member.openid }, '候补成功，您已获得名额');
}

/** The on-site code of a 15-second window: an HMAC of the event and the window under its secret. */
export function qrTokenFor(event: EventDoc, window: number): string {
  return createHmac('sha256', event.qrSecret).update(`${event._id}.${window}`).digest('base64url').slice(0, 16);
}

/** Accepted in its own window and the next one (a code on screen is never rejected as it changes). */
export function qrTokenValid(event: EventDoc, token: string, now: number): boolean {
  const w = qrWindow(now);
  return token === qrTokenFor(event, w) || token === qrTokenFor(event, w - 1);
}

export function card(e: EventDoc, now: number, myStatus: RegistrationStatus | null, coverUrl: string | null): EventCard {
  return {
    id: e._id,
    kind: e.kind,
    title: e.title,
    place: e.place,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    signupOpensAt: e.signupOpensAt,
    signupClosesAt: e.signupClosesAt,
    capacity: e.capacity,
    seatsLeft: seatsLeft(e.capacity, e.confirmed),
    waitlist: e.waitlist,
    waitlisted: e.waitlisted,
    phase: eventPhase(e, now),
    coverUrl,
    myStatus,
  };
}

export async function coverUrls(deps: Deps, events: EventDoc[]): Promise<Map<string, string>> {
  const ids = events.map((e) => e.cover).filter((c): c is string => !!c);
  if (ids.length === 0) return new Map();
  try {
    return await deps.storage.tempUrls(ids);
  } catch {
    return new Map();
  }
}

export async function audienceNames(db: Database, e: EventDoc): Promise<string[]> {
  if (e.audience.includes(ALL_UNITS)) return [];
  const units = await unitsByIds(db, e.audience);
  const names = new Map(units.map((u) => [u._id, u.name]));
  return e.audience.flatMap((id) => names.get(id) ?? []);
}

export async function waitPosition(db: Database, reg: RegistrationDoc): Promise<number | null> {
  if (reg.status !== 'waitlisted' || reg.waitAt === null) return null;
  const _ = db.command;
  // Counted in the database (one operation); members who joined in the same millisecond share a place.
  const ahead = await count(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: reg.eventId, status: 'waitlisted', waitAt: _.lt(reg.waitAt) }));
  return ahead + 1;
}

export function detail(
  e: EventDoc,
  now: number,
  reg: RegistrationDoc | null,
  extra: { coverUrl: string | null; names: string[]; position: number | null },
): EventDetail {
  const active = reg && (reg.status === 'confirmed' || reg.status === 'waitlisted' || reg.status === 'pending');
  const windowRefusal = e.status === 'cancelled' ? 'cancelled_event' : signupWindowRefusal(e, now);
  const full = e.capacity !== 0 && e.confirmed >= e.capacity && !e.waitlist;
  let note = '';
  if (!active) {
    if (reg?.status === 'rejected') note = SIGNUP_REFUSAL_TEXT.rejected;
    else if (windowRefusal) note = SIGNUP_REFUSAL_TEXT[windowRefusal];
    else if (full) note = '名额已满';
  }
  return {
    ...card(e, now, reg?.status ?? null, extra.coverUrl),
    description: e.description,
    cancelReason: e.status === 'cancelled' ? e.cancelReason : null,
    myReviewReason: reg?.status === 'rejected' ? reg.reviewReason : '',
    approval: e.approval,
    cancelHours: e.cancelHours,
    cancelDeadline: cancelDeadline(e),
    audienceNames: extra.names,
    organiserName: e.createdByName,
    myWaitPosition: extra.position,
    myAttended: reg?.attended ?? false,
    myPromoted: reg?.promoted ?? false,
    canSignUp: !active && reg?.status !== 'rejected' && !windowRefusal && !full,
    canCancel: !!active && e.status === 'published' && now < cancelDeadline(e) && !reg?.attended,
    signUpNote: note,
  };
}

export function adminView(scope: OrganiserScope, now: number, extra: { coverUrl: string | null; names: string[] }): EventAdminView {
  const e = scope.event;
  const unitNames = new Map(scope.units.map((u) => [u._id, u.name]));
  // One row per unit of the organiser's subtrees that the event reaches (a unit it names and every
  // unit below it), each counted from the event's per-unit counters.
  const branchIds = scope.units.filter((u) => u.parentId !== null && audienceReaches(e.audience, u.path, ALL_UNITS)).map((u) => u._id);
  return {
    ...detail(e, now, null, { ...extra, position: null }),
    status: e.status,
    unitIds: e.audience.includes(ALL_UNITS) ? [] : e.audience,
    counts: { confirmed: e.confirmed, waitlisted: e.waitlisted, pending: e.pending, cancelled: e.cancelled, attended: e.attended },
    canEdit: scope.canEdit,
    branches: branchIds.map((id) => ({ unitId: id, unitName: unitNames.get(id) ?? '', confirmed: e.byUnit[id]?.c ?? 0, attended: e.byUnit[id]?.a ?? 0 })),
    cover: e.cover,
  };
}

/**
 * A confirmed member cancelled: their seat goes straight to the first on the waitlist (the seat
 * counter never dips, so a newcomer cannot take it first). False when nobody was waiting: the
 * caller releases the seat.
 */
export async function handOverSeat(deps: Deps, event: EventDoc, fromUnitId: string): Promise<boolean> {
  const { db, clock } = deps;
  const _ = db.command;
  if (!event.waitlist || event.status !== 'published' || clock.now() >= event.startsAt) return false;
  for (let round = 0; round < 10; round++) {
    const [first] = await list<RegistrationDoc>(
      db.collection(COLLECTIONS.eventRegistrations).where({ eventId: event._id, status: 'waitlisted' }).orderBy('waitAt', 'asc').orderBy('_id', 'asc').limit(1),
    );
    if (!first) return false;
    const now = clock.now();
    if (await moveRegistration(db, first, 'confirmed', 'waitlist', now, { promoted: true, confirmedAt: now })) {
      const data: Record<string, unknown> = { waitlisted: _.inc(-1) };
      if (first.unitId !== fromUnitId) {
        data[`byUnit.${fromUnitId}.c`] = _.inc(-1);
        data[`byUnit.${first.unitId}.c`] = _.inc(1);
      }
      await updateById(db, COLLECTIONS.events, event._id, data);
      await tellPromoted(deps, event, first);
      return true;
    }
  }
  return false;
}

/** A registration of the event in a branch this organiser manages; NOT_FOUND or FORBIDDEN otherwise. */
export async function registrationForOrganiser(ctx: ActionContext, scope: OrganiserScope, memberId: string): Promise<RegistrationDoc> {
  const reg = await getById<RegistrationDoc>(ctx.deps.db, COLLECTIONS.eventRegistrations, registrationId(scope.event._id, memberId));
  if (!reg) throw notFound('找不到这条报名');
  await requireManagedUnit(ctx.deps.db, scope.me, reg.unitId);
  return reg;
}
