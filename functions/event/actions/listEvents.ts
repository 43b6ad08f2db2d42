// listEvents: the events for the member's branch, by tab (open for sign-up, upcoming, past), each
// with seats left and the member's own status.

import type { EventResponses } from '../../../core/contracts/event';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember } from '../../org/ports';
import { decodeKeyset, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import type { EventDoc, RegistrationDoc } from '../model';
import { ALL_UNITS } from '../access';
import { registrationId } from '../registration';
import { card, coverUrls } from '../views';

export async function listEvents(input: { tab: 'open' | 'upcoming' | 'past'; cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['listEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const now = clock.now();
  const base = { orgId: me.orgId, status: 'published', audience: _.in([...me.unitPath, ALL_UNITS]) };
  let docs: EventDoc[];
  let nextCursor: string | null = null;
  if (input.tab === 'upcoming') {
    // Sign-up closed, not yet ended: few at any time, one page.
    docs = (await list<EventDoc>(db.collection(COLLECTIONS.events).where({ ...base, endsAt: _.gt(now) }).orderBy('endsAt', 'asc').limit(100))).filter((e) => e.signupClosesAt <= now);
  } else {
    const field = input.tab === 'open' ? 'signupClosesAt' : 'endsAt';
    const dir = input.tab === 'open' ? 'asc' : 'desc';
    const range = input.tab === 'open' ? _.gt(now) : _.lte(now);
    let where: object = { ...base, [field]: range };
    if (input.cursor) {
      const [at, id] = decodeKeyset(input.cursor, ['number', 'string']);
      // The cursor's value lies in the range, so "after it" stays in the range.
      where = _.or([
        { ...base, [field]: dir === 'asc' ? _.gt(at) : _.lt(at) },
        { ...base, [field]: at, _id: dir === 'asc' ? _.gt(id) : _.lt(id) },
      ]);
    }
    const found = await list<EventDoc>(db.collection(COLLECTIONS.events).where(where).orderBy(field, dir).orderBy('_id', dir).limit(input.limit + 1));
    ({ page: docs, nextCursor } = keysetPage(found, input.limit, (e) => [e[field], e._id]));
  }
  const regs = docs.length
    ? await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ _id: _.in(docs.map((e) => registrationId(e._id, me._id))) }).limit(docs.length))
    : [];
  const status = new Map(regs.map((r) => [r.eventId, r.status]));
  const urls = await coverUrls(ctx.deps, docs);
  return { items: docs.map((e) => card(e, now, status.get(e._id) ?? null, e.cover ? (urls.get(e.cover) ?? null) : null)), nextCursor };
}
