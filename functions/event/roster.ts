// An event's roster as an organiser sees it (the on-screen roster and the xlsx export): every
// registration, by name, limited to the branches the organiser manages unless they own the event.

import type { EventRosterRow } from '../../core/contracts/event';
import { COLLECTIONS } from '../lib/collections';
import { list } from '../lib/db';
import type { ActionContext } from '../lib/router';
import type { RegistrationDoc } from './model';
import type { OrganiserScope } from './access';

export async function rosterRows(ctx: ActionContext, scope: OrganiserScope): Promise<EventRosterRow[]> {
  const { db } = ctx.deps;
  const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: scope.event._id }).orderBy('name', 'asc').limit(1000));
  const managed = new Set(scope.units.map((u) => u._id));
  const names = new Map(scope.units.map((u) => [u._id, u.name]));
  // A branch organiser sees the members of the branches they manage; the event's owner sees everyone.
  return regs
    .filter((r) => scope.canEdit || managed.has(r.unitId))
    .map((r) => ({
      memberId: r.memberId,
      name: r.name,
      unitName: names.get(r.unitId) ?? '',
      status: r.status,
      attended: r.attended,
      attendedBy: r.attendedBy,
      attendedAt: r.attendedAt,
      signedUpAt: r.signedUpAt,
      waitAt: r.waitAt,
      note: r.attendanceLog.length ? r.attendanceLog[r.attendanceLog.length - 1].reason : r.reviewReason,
    }));
}
