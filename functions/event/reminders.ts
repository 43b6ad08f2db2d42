// The event function's timer job (every five minutes): reminders before the start, and the repair
// of seat counts left too high by a sign-up that died half-way.
//
// Reminders before the start: each confirmed
// member of an event starting within two hours who holds an event credit gets one message. A
// marker per registration (inserted first) makes repeated or overlapping runs send it once.

import { COLLECTIONS } from '../lib/collections';
import { count, insert, isDuplicateKeyError, list, updateWhere } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { EventDoc, RegistrationDoc } from './model';
import { tellAboutEvent } from './messages';
import { fillFromWaitlist } from './seats';
import { membersByIds } from '../org/ports';
import { sweepExpired } from '../lib/rateLimit';

export const REMIND_BEFORE_MS = 2 * 3_600_000;

export async function remindUpcoming(deps: Deps): Promise<{ events: number; sent: number }> {
  const { db, clock } = deps;
  const _ = db.command;
  const now = clock.now();
  const events = await list<EventDoc>(
    db.collection(COLLECTIONS.events).where({ status: 'published', startsAt: _.and(_.gt(now), _.lte(now + REMIND_BEFORE_MS)) }).orderBy('startsAt', 'asc').limit(100),
  );
  let sent = 0;
  for (const e of events) {
    const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: e._id, status: 'confirmed' }).limit(1000));
    if (regs.length === 0) continue;
    const members = new Map(
      (await membersByIds(db, regs.map((r) => r.memberId))).map((m) => [m._id, m]),
    );
    for (const r of regs) {
      const openid = members.get(r.memberId)?.openid;
      if (!openid) continue;
      try {
        await insert(db, COLLECTIONS.eventReminders, { _id: r._id, at: now });
      } catch (err) {
        if (isDuplicateKeyError(err)) continue;
        throw err;
      }
      if ((await tellAboutEvent(deps, e, { memberId: r.memberId, openid }, `地点：${e.place}`)) === 'sent') sent++;
    }
  }
  return { events: events.length, sent };
}

/** A seat count must stay wrong this long, unchanged, before it is repaired (in-flight sign-ups take milliseconds). */
export const SEAT_CHECK_MS = 60_000;

/**
 * Repair seat counts left too high: a sign-up that took a seat and then died before writing its
 * registration (a crash, the function's time limit) would otherwise shrink the event for good.
 * For each event still ahead with a capacity, the confirmed registrations are counted; an excess
 * is noted, and repaired only if the next run finds the same counter and the same count a minute
 * later (so no sign-up was in flight), with a conditional update on the counter read. The freed
 * seats go to the waitlist.
 */
export async function repairSeatCounts(deps: Deps): Promise<{ checked: number; repaired: number }> {
  const { db, clock, log } = deps;
  const _ = db.command;
  const now = clock.now();
  const events = await list<EventDoc>(db.collection(COLLECTIONS.events).where({ status: 'published', startsAt: _.gt(now) }).orderBy('startsAt', 'asc').limit(100));
  let checked = 0;
  let repaired = 0;
  for (const e of events.filter((x) => x.capacity > 0)) {
    checked++;
    const counted = await count(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: e._id, status: 'confirmed' }));
    if (counted >= e.confirmed) {
      if (e.seatCheck) await updateWhere(db.collection(COLLECTIONS.events).where({ _id: e._id, confirmed: e.confirmed }), { seatCheck: _.remove() });
      continue;
    }
    const seen = e.seatCheck;
    if (seen && seen.confirmed === e.confirmed && seen.counted === counted && now - seen.at >= SEAT_CHECK_MS) {
      const n = await updateWhere(db.collection(COLLECTIONS.events).where({ _id: e._id, confirmed: e.confirmed }), { confirmed: _.inc(counted - e.confirmed), seatCheck: _.remove() });
      if (n === 1) {
        repaired++;
        log.info(`event ${e._id}: seat count repaired from ${e.confirmed} to ${counted}`);
        await fillFromWaitlist(deps, e._id);
      }
    } else if (!seen || seen.confirmed !== e.confirmed || seen.counted !== counted) {
      await updateWhere(db.collection(COLLECTIONS.events).where({ _id: e._id, confirmed: e.confirmed }), { seatCheck: { at: now, confirmed: e.confirmed, counted } });
    }
  }
  return { checked, repaired };
}

/**
 * The function's timer trigger: reminders before the start, then the seat-count check, then ended
 * rate-limit windows (lib owns them; this timer runs every five minutes, so a bounded sweep per run
 * keeps up with any load members can make).
 */
export async function eventTimer(
  deps: Deps,
): Promise<{ events: number; sent: number; seatsChecked: number; seatsRepaired: number; rateLimitsSwept: number }> {
  const reminded = await remindUpcoming(deps);
  const seats = await repairSeatCounts(deps);
  const rateLimitsSwept = await sweepExpired(deps.db, deps.clock.now());
  return { ...reminded, seatsChecked: seats.checked, seatsRepaired: seats.repaired, rateLimitsSwept };
}
