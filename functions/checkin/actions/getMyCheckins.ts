// getMyCheckins: the member's streaks and one month's calendar, from the summary and the month
// document (two reads by _id after identity, whatever the length of the history).

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { isChecked, monthCalendar, monthOf } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { MonthDoc } from '../model';
import { readSummary, stateOf } from '../record';
import { rulesFor } from '../settings';

export async function getMyCheckins(input: { month?: string | null }, ctx: ActionContext): Promise<CheckinResponses['getMyCheckins']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const today = beijingDayKey(clock.now());
  const month = input.month ?? monthOf(today);
  const summary = await readSummary(db, member);
  const doc = await getById<MonthDoc>(db, COLLECTIONS.checkinMonths, `${member._id}_${month}`);
  const checked = new Set<string>();
  const madeUp = new Set<string>();
  for (const [dd, mark] of Object.entries(doc?.days ?? {})) {
    checked.add(`${month}-${dd}`);
    if (mark === 'm') madeUp.add(`${month}-${dd}`);
  }
  const rules = await rulesFor(db, member);
  const firstDay = beijingDayKey(new Date(member.boundAt ?? member.createdAt).getTime());
  return {
    ...stateOf(summary, today, rules, isChecked(summary, today)),
    month,
    calendar: monthCalendar(month, checked, madeUp, today, firstDay, rules),
  };
}
