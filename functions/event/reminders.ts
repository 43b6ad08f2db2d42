// The event function's timer job (every five minutes): reminders before the start, the repair of
// counts left wrong by a sign-up or cancellation that died half-way, and the rate-limit sweep.
//
// Reminders before the start: each confirmed
// member of an event starting within two hours who holds an event credit gets one message. A
// marker per registration (inserted first) makes repeated or overlapping runs send it once.

import { COLLECTIONS } from '../lib/collections';
import { count, insert, isDuplicateKeyError, list, updateWhere } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { EventDoc, RegistrationDoc, StatusCounts } from './model';
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

/** A count must stay wrong this long, unchanged, before it is repaired (in-flight calls take milliseconds). */
export const SEAT_CHECK_MS = 60_000;

const STATUSES = ['confirmed', 'waitlisted', 'pending'] as const;

const same = (a: StatusCounts, b: StatusCounts) => STATUSES.every((s) => a[s] === b[s]);

/**
 * Repair the event's counters of registrations by status (seats, waitlist, pending review). A
 * sign-up takes its seat first and then writes its registration; a waitlisted or pending one writes
 * its registration first and then counts it; a cancellation moves its registration and then its
 * counts. These are separate writes because a thousand members sign up against the one event
 * document at once (a transaction on it would be refused for all but one of them at a time), so a
 * crash or the function's time limit between them leaves a count wrong: a seat lost for good, or a
 * waitlist that says fewer than are waiting. For each event still ahead, the registrations are
 * counted; a difference is noted, and repaired only if the next run finds the same counters and the
 * same counts a minute later (so no call was in flight), with a conditional update on the counters
 * read. Freed seats go to the waitlist.
 */
export async function repairSeatCounts(deps: Deps): Promise<{ checked: number; repaired: number }> {
  const { db, clock, log } = deps;
  const _ = db.command;
  const now = clock.now();
  const events = await list<EventDoc>(db.collection(COLLECTIONS.events).where({ status: 'published', startsAt: _.gt(now) }).orderBy('startsAt', 'asc').limit(100));
  let checked = 0;
  let repaired = 0;
  for (const e of events) {
    checked++;
    const counters: StatusCounts = { confirmed: e.confirmed, waitlisted: e.waitlisted, pending: e.pending };
    const counted = {} as StatusCounts;
    for (const status of STATUSES) counted[status] = await count(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: e._id, status }));
    const unchanged = db.collection(COLLECTIONS.events).where({ _id: e._id, ...counters });
    if (same(counters, counted)) {
      if (e.seatCheck) await updateWhere(unchanged, { seatCheck: _.remove() });
      continue;
    }
    const seen = e.seatCheck;
    const confirmedSeen = seen?.counters && seen.counted && same(seen.counters, counters) && same(seen.counted, counted);
    if (seen && confirmedSeen && now - seen.at >= SEAT_CHECK_MS) {
      const data: Record<string, unknown> = { seatCheck: _.remove() };
      for (const status of STATUSES) if (counted[status] !== counters[status]) data[status] = _.inc(counted[status] - counters[status]);
      if ((await updateWhere(unchanged, data)) === 1) {
        repaired++;
        log.info(`event ${e._id}: counts repaired from ${JSON.stringify(counters)} to ${JSON.stringify(counted)}`);
        await fillFromWaitlist(deps, e._id);
      }
    } else if (!confirmedSeen) {
      await updateWhere(unchanged, { seatCheck: { at: now, counters, counted } });
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
