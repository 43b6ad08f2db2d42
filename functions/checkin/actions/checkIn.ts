// checkIn: the member checks in for today (the server's Beijing day). Double taps and retries give
// exactly one check-in: the document's _id is the member and the day.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import { addToSummary, checkinDoc, insertCheckin, markDay, readSummary, stateOf, type Entry } from '../record';
import { CHECKIN_LIMITS } from '../limits';
import { rulesFor } from '../settings';

export async function checkIn(input: Entry, ctx: ActionContext): Promise<CheckinResponses['checkIn']> {
  const { db, clock, storage } = ctx.deps;
  const member = await requireMember(ctx);
  // Before the photo is downloaded and checked.
  await consumeAll(db, CHECKIN_LIMITS, member._id, clock.now());
  const photo = await requireImage(storage, { openid: ctx.openid, context: 'checkin', purpose: 'photo' }, input.photo, '照片');
  const now = clock.now();
  const today = beijingDayKey(now);
  const rules = await rulesFor(db, member);
  const created = await insertCheckin(db, checkinDoc(member, today, now, input, photo, false));
  let summary = await readSummary(db, member);
  if (created) {
    summary = await addToSummary(db, member, rules, today, today, summary);
    await markDay(db, member, today, false);
  }
  return { ...stateOf(summary, today, rules, true), day: today, madeUp: false, created };
}
