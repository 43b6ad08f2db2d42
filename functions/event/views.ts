// What members and organisers see of an event: the card in a list, the detail page (with what the
// member may do next), the organiser's view with per-branch counts, and the URLs and names they show.

import type { EventAdminView, EventCard, EventDetail } from '../../core/contracts/event';
import { cancelDeadline, eventPhase, seatsLeft, signupWindowRefusal, SIGNUP_REFUSAL_TEXT, type RegistrationStatus } from '../../core/domain/event';
import { audienceReaches } from '../../core/domain/org/units';
import type { Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import { unitsByIds } from '../org/ports';
import type { ActionContext } from '../lib/router';
import type { EventDoc, RegistrationDoc } from './model';
import { ALL_UNITS, type OrganiserScope } from './access';

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

/** The organiser's view of the event in scope, with its cover's URL and its audience's names read. */
export async function adminViewFor(ctx: ActionContext, scope: OrganiserScope): Promise<EventAdminView> {
  const urls = await coverUrls(ctx.deps, [scope.event]);
  return adminView(scope, ctx.deps.clock.now(), { coverUrl: scope.event.cover ? (urls.get(scope.event.cover) ?? null) : null, names: await audienceNames(ctx.deps.db, scope.event) });
}
