// makeUp (补卡): a missed day within the window, at most N a month. The month's quota is reserved
// first with a conditional increment (two make-ups at once cannot both take the last one), then
// the day is written; a day that turns out to be checked already gives the reservation back.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { MAKEUP_REFUSAL_TEXT, makeupRefusal, monthOf } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { insert, isDuplicateKeyError, updateById, updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import { addToSummary, checkinDoc, insertCheckin, markDay, readSummary, stateOf, type Entry } from '../record';
import { CHECKIN_LIMITS } from '../limits';
import { rulesFor } from '../settings';

export async function makeUp(input: Entry & { day: string }, ctx: ActionContext): Promise<CheckinResponses['makeUp']> {
  const { db, clock, storage } = ctx.deps;
  const _ = db.command;
  const member = await requireMember(ctx);
  const now = clock.now();
  await consumeAll(db, CHECKIN_LIMITS, member._id, now);
  const today = beijingDayKey(now);
  const month = monthOf(today);
  const rules = await rulesFor(db, member);
  let summary = await readSummary(db, member);
  const used = summary.makeupMonth === month ? summary.makeupCount : 0;
  const firstDay = beijingDayKey(new Date(member.boundAt ?? member.createdAt).getTime());
  const refusal = makeupRefusal(summary, input.day, today, used, rules, firstDay);
  if (refusal) throw precondition(MAKEUP_REFUSAL_TEXT[refusal]);
  const photo = await requireImage(storage, { openid: ctx.openid, context: 'checkin', purpose: 'photo' }, input.photo, '照片');

  // Reserve one of this month's make-ups (creating the summary first if this is the first day).
  if (summary.rev === 0) {
    try {
      await insert(db, COLLECTIONS.checkinSummaries, { ...summary, rev: 1 });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    summary = await readSummary(db, member);
  }
  await updateWhere(db.collection(COLLECTIONS.checkinSummaries).where({ _id: member._id, makeupMonth: _.neq(month) }), { makeupMonth: month, makeupCount: 0 });
  const reserved = await updateWhere(
    db.collection(COLLECTIONS.checkinSummaries).where({ _id: member._id, makeupMonth: month, makeupCount: _.lt(rules.perMonth) }),
    { makeupCount: _.inc(1) },
  );
  if (reserved !== 1) throw precondition(MAKEUP_REFUSAL_TEXT.month_quota);

  const doc = checkinDoc(member, input.day, now, input, photo, true);

  if (!(await insertCheckin(db, doc))) {
    await updateById(db, COLLECTIONS.checkinSummaries, member._id, { makeupCount: _.inc(-1) });
    throw precondition(MAKEUP_REFUSAL_TEXT.already_checked);
  }
  summary = await addToSummary(db, member, rules, input.day, today, await readSummary(db, member));
  await markDay(db, member, input.day, true);
  const checkedToday = summary.runs.some((r) => r.from <= today && today <= r.to);
  return { ...stateOf(summary, today, rules, checkedToday), day: input.day, madeUp: true, created: true };
}
