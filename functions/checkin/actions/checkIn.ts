// checkIn: the member checks in for today (the server's Beijing day). Double taps and retries give
// exactly one check-in: the document's _id is the member and the day.

import type { CheckinRequests, CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { requireMember } from '../../lib/identity';
import type { ActionContext } from '../../lib/router';
import type { CheckinDoc } from '../model';
import { addToSummary, checkinId, insertCheckin, markDay, readSummary, rulesFor, stateOf } from '../record';

type Input = Required<Omit<CheckinRequests['checkIn'], 'materialId'>> & { materialId?: string | null };

export async function checkIn(input: Input, ctx: ActionContext): Promise<CheckinResponses['checkIn']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const now = clock.now();
  const today = beijingDayKey(now);
  const doc: CheckinDoc = {
    _id: checkinId(member._id, today),
    memberId: member._id,
    orgId: member.orgId,
    unitId: member.unitId,
    day: today,
    at: now,
    title: input.title,
    minutes: input.minutes,
    note: input.note,
    materialId: input.materialId ?? null,
    share: input.share,
    madeUp: false,
  };
  const created = await insertCheckin(db, doc);
  let summary = await readSummary(db, member);
  if (created) {
    summary = await addToSummary(ctx, member, today, today, summary);
    await markDay(db, member, today, false);
  }
  return { ...stateOf(summary, today, rulesFor(member), true), day: today, madeUp: false, created };
}
