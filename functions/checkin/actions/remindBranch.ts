// remindBranch: an organiser reminds the members of one unit who have not checked in today (each
// member at most once a day, whoever reminds; a credit is spent only on a message sent). Entries
// never bound to WeChat are counted apart: no message can reach them, and they hold no setting.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { dayRoster } from '../completion';
import { checkinId } from '../record';
import { checkinCreditsOf, remindOne } from '../reminders';

export async function remindBranch(input: { unitId: string }, ctx: ActionContext): Promise<CheckinResponses['remindBranch']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  const today = beijingDayKey(clock.now());
  const missing = (await dayRoster(db, unit, today)).rows.filter((r) => !r.checkedIn);
  const credits = await checkinCreditsOf(db, missing.map((r) => r.memberId));
  const _ = db.command;
  const markIds = missing.map((r) => checkinId(r.memberId, today));
  const reminded = new Set(
    markIds.length ? (await list<{ _id: string }>(db.collection(COLLECTIONS.checkinReminders).where({ _id: _.in(markIds) }).limit(markIds.length))).map((m) => m._id) : [],
  );
  const result = { sent: 0, withoutCredit: 0, alreadyReminded: 0, unbound: 0 };
  for (const r of missing) {
    if (!r.openid) {
      result.unbound++;
      continue;
    }
    if (reminded.has(checkinId(r.memberId, today))) {
      result.alreadyReminded++;
      continue;
    }
    const c = credits.get(r.memberId);
    // A credit counts only for the WeChat account the member is bound to now.
    if (!c || c.checkin <= 0 || c.openid !== r.openid) {
      result.withoutCredit++;
      continue;
    }
    const outcome = await remindOne(ctx.deps, { memberId: r.memberId, openid: r.openid }, today, 'organiser', unit.name);
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'already') result.alreadyReminded++;
    else result.withoutCredit++;
  }
  return result;
}
