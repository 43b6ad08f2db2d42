// Writing one checked day: the check-in document (its _id settles double taps and retries), the
// member's summary and the month document for the calendar in one transaction, then the branch's
// counter for the day.

import type { CheckinState } from '../../core/contracts/checkin';
import { addCheckedDay, currentStreak, EMPTY_SUMMARY, monthOf, type MakeupRules } from '../../core/domain/checkin';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, isTransactionConflict, updateById, type Database, type TransactionLike } from '../lib/db';
import { conflict } from '../lib/errors';
import type { CheckinDoc, MonthDoc, SummaryDoc } from './model';
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
  return (await getById<SummaryDoc>(db, COLLECTIONS.checkinSummaries, member._id)) ?? emptySummary(member);
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

/** How a day's write ended: written, already checked, or refused for the month's make-up quota. */
export type DayWrite = { outcome: 'written' | 'already'; summary: SummaryDoc } | { outcome: 'quota' };

const ROUNDS = 6;

/**
 * The check-in, the member's summary and their month document in one transaction: they are the
 * member's alone (no crowd meets on them), so a crash or time limit leaves all three or none. A
 * conflict (the same member's double tap or another day's write) is run again after a short pause;
 * the retry finds the check-in there and writes nothing. A make-up also takes one of the month's
 * make-ups on the summary it writes, so two at once cannot both take the last one.
 */
export async function writeDay(
  db: Database,
  member: Caller,
  doc: CheckinDoc,
  rules: MakeupRules,
  today: string,
  makeupsPerMonth?: number,
): Promise<DayWrite> {
  const monthId = `${member._id}_${monthOf(doc.day)}`;
  const body = async (t: TransactionLike): Promise<DayWrite> => {
    const there = (await t.collection(COLLECTIONS.checkins).doc(doc._id).get()).data;
    const stored = (await t.collection(COLLECTIONS.checkinSummaries).doc(member._id).get()).data as SummaryDoc | null;
    const current = stored ? { ...stored, _id: member._id } : emptySummary(member);
    if (there) return { outcome: 'already', summary: current };
    const next = addCheckedDay(current, doc.day, today, rules);
    const summary: SummaryDoc = { ...current, runs: next.runs, longest: next.longest, total: next.total, rev: current.rev + 1 };
    if (makeupsPerMonth !== undefined) {
      const month = monthOf(today);
      const used = current.makeupMonth === month ? current.makeupCount : 0;
      if (used >= makeupsPerMonth) return { outcome: 'quota' };
      summary.makeupMonth = month;
      summary.makeupCount = used + 1;
    }
    const monthDoc = (await t.collection(COLLECTIONS.checkinMonths).doc(monthId).get()).data as MonthDoc | null;
    const days = { ...(monthDoc?.days ?? {}), [doc.day.slice(8, 10)]: doc.madeUp ? 'm' : 'c' };
    await t.collection(COLLECTIONS.checkins).doc(doc._id).set({ data: withoutId(doc) });
    await t.collection(COLLECTIONS.checkinSummaries).doc(member._id).set({ data: withoutId(summary) });
    await t.collection(COLLECTIONS.checkinMonths).doc(monthId).set({ data: { memberId: member._id, days } });
    return { outcome: 'written', summary };
  };
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction(body)) as DayWrite;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= ROUNDS) throw conflict('打卡的人较多，请稍后再试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
}

function emptySummary(member: Caller): SummaryDoc {
  return { _id: member._id, orgId: member.orgId, unitId: member.unitId, ...EMPTY_SUMMARY, rev: 0, makeupMonth: '', makeupCount: 0 };
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

/**
 * The branch's counter for the day: one atomic increment, outside the transaction because the
 * whole branch checks in against it at once. A call that dies before it leaves the counter short;
 * the timer repairs it from the check-ins (./dailyRepair.ts).
 */
export async function countDay(db: Database, member: Caller, day: string): Promise<void> {
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
