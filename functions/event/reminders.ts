// Reminders before the start (the function's timer trigger, every five minutes): each confirmed
// member of an event starting within two hours who holds an event credit gets one message. A
// marker per registration (inserted first) makes repeated or overlapping runs send it once.

import { formatBeijing } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, list } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { MemberDoc } from '../lib/model';
import { clip, spendCredit, templateId } from '../lib/reminders';
import type { EventDoc, RegistrationDoc } from './model';

export const REMIND_BEFORE_MS = 2 * 3_600_000;

export async function remindUpcoming(deps: Deps): Promise<{ events: number; sent: number }> {
  const { db, clock, notify } = deps;
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
      (await list<MemberDoc>(db.collection(COLLECTIONS.members).where({ _id: _.in(regs.map((r) => r.memberId)) }).limit(regs.length))).map((m) => [m._id, m]),
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
      if (!(await spendCredit(db, r.memberId, 'event'))) continue;
      const ok = await notify.send({
        openid,
        templateId: templateId('event'),
        page: `subpackages/event/detail?id=${e._id}`,
        data: {
          thing1: { value: clip(e.title) },
          time2: { value: formatBeijing(e.startsAt) },
          thing3: { value: clip(`地点：${e.place}`) },
        },
      });
      if (ok) sent++;
    }
  }
  return { events: events.length, sent };
}
