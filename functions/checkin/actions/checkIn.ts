// checkIn: the member checks in for today (the server's Beijing day). Double taps and retries give
// exactly one check-in: the document's _id is the member and the day.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import { awardPoints } from '../../points/ports';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import { checkinDoc, countDay, stateOf, writeDay, type Entry } from '../record';
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
  const written = await writeDay(db, member, checkinDoc(member, today, now, input, photo, false), rules, today);
  if (written.outcome === 'quota') throw new Error('a check-in took no make-up quota');
  const created = written.outcome === 'written';
  if (created) await countDay(db, member, today);
  // Points for the day's check-in, after it committed; a repeat (created false) asks again, so a
  // call that died before its award is completed by the member's retry (the award is made once).
  // Make-ups earn nothing (docs/POINTS.md).
  await awardPoints(db, { orgId: member.orgId, memberId: member._id, unitId: member.unitId, unitPath: member.unitPath, source: 'checkin', ref: today, asked: 1, at: now });
  return { ...stateOf(written.summary, today, rules, true), day: today, madeUp: false, created };
}
