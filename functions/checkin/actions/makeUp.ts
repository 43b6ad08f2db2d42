// makeUp (补卡): a missed day within the window, at most N a month. The day, the summary with the
// month's count of make-ups and the calendar are one transaction (../record.ts): two make-ups at
// once cannot both take the last one, and a day checked meanwhile takes none.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { MAKEUP_REFUSAL_TEXT, makeupRefusal, monthOf } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { precondition } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import { checkinDoc, countDay, readSummary, stateOf, writeDay, type Entry } from '../record';
import { CHECKIN_LIMITS } from '../limits';
import { rulesFor } from '../settings';

export async function makeUp(input: Entry & { day: string }, ctx: ActionContext): Promise<CheckinResponses['makeUp']> {
  const { db, clock, storage } = ctx.deps;
  const member = await requireMember(ctx);
  const now = clock.now();
  await consumeAll(db, CHECKIN_LIMITS, member._id, now);
  const today = beijingDayKey(now);
  const month = monthOf(today);
  const rules = await rulesFor(db, member);
  const seen = await readSummary(db, member);
  const used = seen.makeupMonth === month ? seen.makeupCount : 0;
  const firstDay = beijingDayKey(new Date(member.boundAt ?? member.createdAt).getTime());
  const refusal = makeupRefusal(seen, input.day, today, used, rules, firstDay);
  if (refusal) throw precondition(MAKEUP_REFUSAL_TEXT[refusal]);
  const photo = await requireImage(storage, { openid: ctx.openid, context: 'checkin', purpose: 'photo' }, input.photo, '照片');

  const written = await writeDay(db, member, checkinDoc(member, input.day, now, input, photo, true), rules, today, rules.perMonth);
  if (written.outcome === 'quota') throw precondition(MAKEUP_REFUSAL_TEXT.month_quota);
  if (written.outcome === 'already') throw precondition(MAKEUP_REFUSAL_TEXT.already_checked);
  await countDay(db, member, input.day);
  const summary = written.summary;
  const checkedToday = summary.runs.some((r) => r.from <= today && today <= r.to);
  return { ...stateOf(summary, today, rules, checkedToday), day: input.day, madeUp: true, created: true };
}
