// makeUp (补卡): a missed day within the window, at most N a month. The month's quota is reserved
// first with a conditional increment (two make-ups at once cannot both take the last one), then
// the day is written; a day that turns out to be checked already gives the reservation back.

import type { CheckinRequests, CheckinResponses } from '../../../core/contracts/checkin';
import { MAKEUP_REFUSAL_TEXT, makeupRefusal, monthOf } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { insert, isDuplicateKeyError, updateById, updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireMember } from '../../lib/identity';
import type { ActionContext } from '../../lib/router';
import type { CheckinDoc } from '../model';
import { addToSummary, checkinId, insertCheckin, markDay, readSummary, rulesFor, stateOf } from '../record';

type Input = Required<Omit<CheckinRequests['makeUp'], 'materialId'>> & { materialId?: string | null };

export async function makeUp(input: Input, ctx: ActionContext): Promise<CheckinResponses['makeUp']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const member = await requireMember(ctx);
  const now = clock.now();
  const today = beijingDayKey(now);
  const month = monthOf(today);
  const rules = rulesFor(member);
  let summary = await readSummary(db, member);
  const used = summary.makeupMonth === month ? summary.makeupCount : 0;
  const firstDay = beijingDayKey(new Date(member.boundAt ?? member.createdAt).getTime());
  const refusal = makeupRefusal(summary, input.day, today, used, rules, firstDay);
  if (refusal) throw precondition(MAKEUP_REFUSAL_TEXT[refusal]);

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

  const doc: CheckinDoc = {
    _id: checkinId(member._id, input.day),
    memberId: member._id,
    orgId: member.orgId,
    unitId: member.unitId,
    day: input.day,
    at: now,
    title: input.title,
    minutes: input.minutes,
    note: input.note,
    materialId: input.materialId ?? null,
    share: input.share,
    madeUp: true,
  };
  if (!(await insertCheckin(db, doc))) {
    await updateById(db, COLLECTIONS.checkinSummaries, member._id, { makeupCount: _.inc(-1) });
    throw precondition(MAKEUP_REFUSAL_TEXT.already_checked);
  }
  summary = await addToSummary(ctx, member, input.day, today, await readSummary(db, member));
  await markDay(db, member, input.day, true);
  const checkedToday = summary.runs.some((r) => r.from <= today && today <= r.to);
  return { ...stateOf(summary, today, rules, checkedToday), day: input.day, madeUp: true, created: true };
}
