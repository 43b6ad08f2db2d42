// Seats are settled by the database: a conditional increment of the event's `confirmed` below its
// capacity, never a count followed by an insert (each seat also counted for the member's branch).
// Free seats go to the waitlist, first come first served.

import { COLLECTIONS } from '../lib/collections';
import { getById, list, updateById, updateWhere, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { EventDoc, RegistrationDoc } from './model';
import { tellPromoted } from './messages';
import { moveRegistration } from './registration';

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

/**
 * A confirmed member cancelled: their seat goes straight to the first on the waitlist (the seat
 * counter never dips, so a newcomer cannot take it first). False when nobody was waiting: the
 * caller releases the seat.
 */
/** Waitlisted registrations a hand-over reads at once and tries in order. */
const HAND_OVER_TRIES = 20;

export async function handOverSeat(deps: Deps, event: EventDoc, fromUnitId: string): Promise<boolean> {
  const { db, clock } = deps;
  const _ = db.command;
  if (!event.waitlist || event.status !== 'published' || clock.now() >= event.startsAt) return false;
  // Many cancellations at once all see the same head of the waitlist: each tries the first few in
  // order (a move that another hand-over won fails at once, conditional on the revision), so a
  // seat is handed over and not released to a newcomer while anyone is still waiting.
  for (let round = 0; round < 10; round++) {
    const heads = await list<RegistrationDoc>(
      db.collection(COLLECTIONS.eventRegistrations).where({ eventId: event._id, status: 'waitlisted' }).orderBy('waitAt', 'asc').orderBy('_id', 'asc').limit(HAND_OVER_TRIES),
    );
    if (heads.length === 0) return false;
    for (const first of heads) {
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
  }
  return false;
}
