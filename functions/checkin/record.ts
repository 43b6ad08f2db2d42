// Writing one checked day: the check-in document (its _id settles double taps and retries), then
// the member's summary (a conditional update on the revision read), the month document for the
// calendar and the branch's counter for the day.

import type { CheckinState } from '../../core/contracts/checkin';
import { addCheckedDay, currentStreak, EMPTY_SUMMARY, monthOf, type MakeupRules } from '../../core/domain/checkin';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, updateWhere, type Database } from '../lib/db';
import type { CheckinDoc, SummaryDoc } from './model';
import type { Caller } from '../org/ports';

export const checkinId = (memberId: string, day: string) => `${memberId}_${day}`;

/** The entry a member writes, as the contract validated it. */
export interface Entry {
  title: string;
  minutes: number;
  note: string;
  materialId?: string | null;
  share: boolean;
  photo?: string | null;
}

/** The check-in document for a member, day and entry. */
export function checkinDoc(member: Caller, day: string, at: number, entry: Entry, photo: string | null, madeUp: boolean): CheckinDoc {
  return {
    _id: checkinId(member._id, day),
    memberId: member._id,
    name: member.name,
    orgId: member.orgId,
    unitId: member.unitId,
    day,
    at,
    title: entry.title,
    minutes: entry.minutes,
    note: entry.note,
    materialId: entry.materialId ?? null,
    share: entry.share,
    photo,
    madeUp,
  };
}

export async function readSummary(db: Database, member: Caller): Promise<SummaryDoc> {
  const found = await getById<SummaryDoc>(db, COLLECTIONS.checkinSummaries, member._id);
  if (found) return found;
  return { _id: member._id, orgId: member.orgId, unitId: member.unitId, ...EMPTY_SUMMARY, rev: 0, makeupMonth: '', makeupCount: 0 };
}

export function stateOf(s: SummaryDoc, today: string, rules: MakeupRules, checkedToday: boolean): CheckinState {
  return {
    today,
    checkedToday,
    currentStreak: currentStreak(s, today),
    longestStreak: s.longest,
    total: s.total,
    makeupsLeftThisMonth: Math.max(0, rules.perMonth - (s.makeupMonth === monthOf(today) ? s.makeupCount : 0)),
    makeupWindowDays: rules.windowDays,
  };
}

/** Insert the day's check-in; false when it was already there. */
export async function insertCheckin(db: Database, doc: CheckinDoc): Promise<boolean> {
  try {
    await insert(db, COLLECTIONS.checkins, { ...doc });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Add the day to the summary, retrying on a concurrent change (another day's write). */
export async function addToSummary(db: Database, member: Caller, rules: MakeupRules, day: string, today: string, first: SummaryDoc): Promise<SummaryDoc> {
  let current = first;
  for (let round = 0; round < 8; round++) {
    const next = addCheckedDay(current, day, today, rules);
    if (current.rev === 0) {
      // No summary yet: the first check-in creates it (a concurrent creator makes this a retry).
      try {
        const doc: SummaryDoc = { ...current, runs: next.runs, longest: next.longest, total: next.total, rev: 1 };
        await insert(db, COLLECTIONS.checkinSummaries, { ...doc });
        return doc;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    } else {
      const _ = db.command;
      const n = await updateWhere(db.collection(COLLECTIONS.checkinSummaries).where({ _id: member._id, rev: current.rev }), {
        runs: _.set(next.runs),
        longest: next.longest,
        total: next.total,
        rev: _.inc(1),
      });
      if (n === 1) return { ...current, runs: next.runs, longest: next.longest, total: next.total, rev: current.rev + 1 };
    }
    current = await readSummary(db, member);
  }
  throw new Error(`summary of ${member._id} kept changing`);
}

/** The calendar's month document and the branch's counter for the day (each one atomic write). */
export async function markDay(db: Database, member: Caller, day: string, madeUp: boolean): Promise<void> {
  const monthId = `${member._id}_${monthOf(day)}`;
  const data = { days: { [day.slice(8, 10)]: madeUp ? 'm' : 'c' } };
  if ((await updateById(db, COLLECTIONS.checkinMonths, monthId, data)) === 0) {
    try {
      await insert(db, COLLECTIONS.checkinMonths, { _id: monthId, memberId: member._id, ...data });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await updateById(db, COLLECTIONS.checkinMonths, monthId, data);
    }
  }
  const dailyId = `${member.unitId}_${day}`;
  const _ = db.command;
  if ((await updateById(db, COLLECTIONS.checkinDaily, dailyId, { count: _.inc(1) })) === 0) {
    try {
      await insert(db, COLLECTIONS.checkinDaily, { _id: dailyId, unitId: member.unitId, orgId: member.orgId, day, count: 1 });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await updateById(db, COLLECTIONS.checkinDaily, dailyId, { count: _.inc(1) });
    }
  }
}
