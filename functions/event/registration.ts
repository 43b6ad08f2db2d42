// A member's registration for an event: one document per member and event (its `_id`), status
// changes conditional on its revision (so each member is promoted from the waitlist at most
// once), and the member's place on the waitlist.

import type { RegistrationStatus } from '../../core/domain/event';
import { COLLECTIONS } from '../lib/collections';
import { count, updateWhere, type Database } from '../lib/db';
import type { RegistrationDoc } from './model';

export const registrationId = (eventId: string, memberId: string) => `${eventId}_${memberId}`;

/** The statuses that hold a place (or wait for one): signing up again is a no-op, cancelling is allowed. */
export const ACTIVE = new Set(['confirmed', 'waitlisted', 'pending']);

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

export async function waitPosition(db: Database, reg: RegistrationDoc): Promise<number | null> {
  if (reg.status !== 'waitlisted' || reg.waitAt === null) return null;
  const _ = db.command;
  // Counted in the database (one operation); members who joined in the same millisecond share a place.
  const ahead = await count(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: reg.eventId, status: 'waitlisted', waitAt: _.lt(reg.waitAt) }));
  return ahead + 1;
}
