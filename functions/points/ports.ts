// The points context's public module: the one way any context awards points (a ledger owned by one
// module that every context writes through). Call it after your own write has committed, and again
// whenever the same action is repeated (a retry finds your record there): the award's `_id` is the
// source, the member and the ref, so a repeat returns the award already made and writes nothing.

import { beijingDayKey } from '../../core/domain/time';
import { capAward, pointsAsked, POINT_SOURCES, rulesOn, nextStreak, streakWithout, type PointSource } from '../../core/domain/points';
import { COLLECTIONS } from '../lib/collections';
import { isTransactionConflict, type Database, type TransactionLike } from '../lib/db';
import { readDayFigures, type DayFigures, type DayFiguresQuery } from '../lib/dayFigures';
import { conflict } from '../lib/errors';
import type { LedgerDoc, MemberDayDoc, RulesDoc, TotalDoc } from './model';
import { countUnitDay } from './unitDays';

export type { PointSource } from '../../core/domain/points';

export interface AwardRequest {
  orgId: string;
  memberId: string;
  unitId: string;
  unitPath: string[];
  source: PointSource;
  /** What is awarded for, unique within the source and member: a day key, an event id, an exam id, a round id. */
  ref: string;
  /** The source's own measure: correct answers (quiz), the round's score 0–100 (contest), 1 otherwise. */
  asked: number;
  /** When the awarded thing happened (ms); its Beijing day is the day whose cap it counts against. */
  at: number;
}

export interface AwardResult {
  awarded: number;
  /** Less than the rule asked for, because of the day's cap. */
  capped: boolean;
  /** The member's total after the award. */
  total: number;
  /** False when the award existed already (a repeat): nothing was written. */
  created: boolean;
  /**
   * The source's points on the award's day after it, against that day's cap, from the documents
   * the award's transaction read anyway (no read more); null on a repeat, which reads neither.
   */
  sourceDay: { earned: number; cap: number } | null;
}

export const ledgerId = (source: PointSource, memberId: string, ref: string) => `${source}_${memberId}_${ref}`;
export const memberDayId = (memberId: string, day: string) => `${memberId}_${day}`;
/** The award standing after `generation` withdrawals of the award first made as `base`. */
export const awardId = (base: string, generation: number) => (generation === 0 ? base : `${base}_g${generation}`);
/** The correcting entry that takes an award back. */
export const withdrawalId = (entryId: string) => `${entryId}_withdrawn`;

const ROUNDS = 6;
const REF = /^[A-Za-z0-9_-]{1,64}$/;

type Outcome =
  | { created: false; entry: LedgerDoc; total: number }
  | { created: true; entry: LedgerDoc; total: number; unitId: string; firstOfDay: boolean; sourceDay: { earned: number; cap: number } };

/**
 * Award points: one transaction, every read and write by `_id` (CloudBase transactions cannot
 * query): the entry (there already → its award, nothing written), the organisation's rules, the
 * member's day and total; then the entry, the day and the total are written together. The cap is
 * settled by the transaction: two awards of one member at once write the same day document, so
 * one of them runs again and sees the other's points. The unit's day counter is one increment
 * after the commit (a whole unit earns against it at once; the timer repairs a missed one).
 * Costs 4 reads and 3 writes, plus 1 write (2 on the unit's first award of a day) when points were
 * awarded; a repeat costs 2 reads (the entry and the total).
 */
export async function awardPoints(db: Database, req: AwardRequest): Promise<AwardResult> {
  if (!POINT_SOURCES.includes(req.source) || !REF.test(req.ref) || !Number.isFinite(req.asked) || req.asked < 0 || !Number.isFinite(req.at)) {
    throw new Error(`awardPoints: bad request ${req.source}/${req.ref}/${req.asked}`);
  }
  const day = beijingDayKey(req.at);
  const base = ledgerId(req.source, req.memberId, req.ref);
  const dayId = memberDayId(req.memberId, day);
  const body = async (t: TransactionLike): Promise<Outcome> => {
    const first = (await t.collection(COLLECTIONS.pointsLedger).doc(base).get()).data as LedgerDoc | null;
    const stored = (await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).get()).data as TotalDoc | null;
    // An award taken back (withdrawPoints) stands again as its next generation: one read more, only then.
    const generation = first ? (stored?.withdrawn?.[base] ?? 0) : 0;
    const entryId = awardId(base, generation);
    const there = generation === 0 ? first : ((await t.collection(COLLECTIONS.pointsLedger).doc(entryId).get()).data as LedgerDoc | null);
    if (there) return { created: false, entry: { ...there, _id: entryId }, total: stored?.total ?? 0 };
    const rulesDoc = (await t.collection(COLLECTIONS.pointsRules).doc(req.orgId).get()).data as RulesDoc | null;
    const memberDay = (await t.collection(COLLECTIONS.pointsDays).doc(dayId).get()).data as MemberDayDoc | null;
    const { v, rules } = rulesOn(rulesDoc?.versions ?? [], day);
    const rule = rules[req.source];
    const raw = pointsAsked(req.source, rule, req.asked);
    const used = memberDay?.bySource[req.source] ?? 0;
    const { awarded, capped } = capAward(raw, rule.cap, used);
    const entry: LedgerDoc = {
      _id: entryId,
      orgId: req.orgId,
      memberId: req.memberId,
      unitId: req.unitId,
      unitPath: req.unitPath,
      source: req.source,
      ref: req.ref,
      day,
      asked: req.asked,
      raw,
      awarded,
      capped,
      ruleVersion: v,
      at: req.at,
    };
    const dayTotal = memberDay?.total ?? 0;
    const unitId = memberDay?.unitId ?? req.unitId;
    const total = (stored?.total ?? 0) + awarded;
    await t.collection(COLLECTIONS.pointsLedger).doc(entryId).set({ data: withoutId(entry) });
    if (awarded > 0) {
      const nextDay: Omit<MemberDayDoc, '_id'> = {
        orgId: req.orgId,
        memberId: req.memberId,
        unitId,
        day,
        bySource: { ...(memberDay?.bySource ?? {}), [req.source]: used + awarded },
        total: dayTotal + awarded,
        at: req.at,
      };
      const streak = nextStreak({ lastDay: stored?.lastDay ?? '', streak: stored?.streak ?? 0, longest: stored?.longest ?? 0 }, day);
      const nextTotal: Omit<TotalDoc, '_id'> = {
        orgId: req.orgId,
        unitId: req.unitId,
        unitPath: req.unitPath,
        total,
        bySource: { ...(stored?.bySource ?? {}), [req.source]: (stored?.bySource[req.source] ?? 0) + awarded },
        ...streak,
        updatedAt: req.at,
        ...(stored?.withdrawn ? { withdrawn: stored.withdrawn } : {}),
      };
      await t.collection(COLLECTIONS.pointsDays).doc(dayId).set({ data: nextDay });
      await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).set({ data: nextTotal });
    }
    return { created: true, entry, total, unitId, firstOfDay: dayTotal === 0 && awarded > 0, sourceDay: { earned: used + awarded, cap: rule.cap } };
  };
  const outcome = await inTransaction(db, body);
  const { entry } = outcome;
  if (outcome.created && entry.awarded > 0) {
    await countUnitDay(db, { orgId: entry.orgId, unitId: outcome.unitId, day }, entry.awarded, outcome.firstOfDay ? 1 : 0);
  }
  return { awarded: entry.awarded, capped: entry.capped, total: outcome.total, created: outcome.created, sourceDay: outcome.created ? outcome.sourceDay : null };
}

/** A transaction run again on a conflict, a few times, then CONFLICT. */
async function inTransaction<T>(db: Database, body: (t: TransactionLike) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction(body)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= ROUNDS) throw conflict('积分记录繁忙，请稍后再试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
}

export interface WithdrawRequest {
  memberId: string;
  source: PointSource;
  /** The award's ref, as it was awarded (an exam id). */
  ref: string;
  /** When the correction is made (ms): the correcting entry's time in the member's history. */
  at: number;
}

export interface WithdrawResult {
  /** The points taken back (what the award gave, 0 when it was capped to 0). */
  withdrawn: number;
  /** False when there was no award standing (never made, or taken back already): nothing was written. */
  created: boolean;
}

type WithdrawOutcome = { created: false } | { created: true; entry: LedgerDoc; unitId: string; emptied: boolean };

/**
 * Take back an award standing now (a pass a regrade turned into a fail): a correcting entry
 * `${award}_withdrawn` with the negative of what the award gave, never a change of the award; the
 * member's total and by-source, and their day of the award (by source, its day's cap freed) go down
 * by as much, in one transaction like an award's, and the total counts the withdrawal, so the award
 * asked for again is a new entry (`awardId`, next generation) and a withdrawal asked for again finds
 * nothing standing. A day left with no points is removed (a member's day exists while it holds
 * points: the unit's members who earned, and the timer's repair, count those documents). The unit's
 * day counter goes down after the commit, as an award's goes up. A day emptied leaves the streak of
 * days with points too (`streakWithout`).
 * Costs 3 reads (the total, the award, its day) and 3 writes, plus the unit's counter when points
 * were taken back; nothing standing costs 2 reads.
 */
export async function withdrawPoints(db: Database, req: WithdrawRequest): Promise<WithdrawResult> {
  if (!POINT_SOURCES.includes(req.source) || !REF.test(req.ref) || !Number.isFinite(req.at)) throw new Error(`withdrawPoints: bad request ${req.source}/${req.ref}`);
  const base = ledgerId(req.source, req.memberId, req.ref);
  const body = async (t: TransactionLike): Promise<WithdrawOutcome> => {
    const stored = (await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).get()).data as TotalDoc | null;
    const generation = stored?.withdrawn?.[base] ?? 0;
    const entryId = awardId(base, generation);
    const award = (await t.collection(COLLECTIONS.pointsLedger).doc(entryId).get()).data as LedgerDoc | null;
    if (!award) return { created: false };
    const back = Math.max(0, award.awarded);
    const dayId = memberDayId(req.memberId, award.day);
    const memberDay = back > 0 ? ((await t.collection(COLLECTIONS.pointsDays).doc(dayId).get()).data as MemberDayDoc | null) : null;
    const entry: LedgerDoc = {
      _id: withdrawalId(entryId),
      orgId: award.orgId,
      memberId: req.memberId,
      unitId: award.unitId,
      unitPath: award.unitPath,
      source: req.source,
      ref: req.ref,
      day: award.day,
      asked: 0,
      raw: 0,
      awarded: back > 0 ? -back : 0,
      capped: false,
      ruleVersion: award.ruleVersion,
      at: req.at,
      withdraws: entryId,
    };
    await t.collection(COLLECTIONS.pointsLedger).doc(entry._id).set({ data: withoutId(entry) });
    let emptied = false;
    if (memberDay && back > 0) {
      const left = memberDay.total - back;
      emptied = left <= 0;
      if (emptied) await t.collection(COLLECTIONS.pointsDays).doc(dayId).remove();
      else {
        const bySource = { ...memberDay.bySource, [req.source]: Math.max(0, (memberDay.bySource[req.source] ?? 0) - back) };
        await t.collection(COLLECTIONS.pointsDays).doc(dayId).set({ data: { ...withoutId({ ...memberDay, _id: dayId }), bySource, total: left } });
      }
    }
    const streakOf = { lastDay: stored?.lastDay ?? '', streak: stored?.streak ?? 0, longest: stored?.longest ?? 0 };
    const nextTotal: Omit<TotalDoc, '_id'> = {
      orgId: stored?.orgId ?? award.orgId,
      unitId: stored?.unitId ?? award.unitId,
      unitPath: stored?.unitPath ?? award.unitPath,
      total: (stored?.total ?? 0) - back,
      bySource: { ...(stored?.bySource ?? {}), [req.source]: (stored?.bySource[req.source] ?? 0) - back },
      ...(emptied ? streakWithout(streakOf, award.day) : streakOf),
      updatedAt: req.at,
      withdrawn: { ...(stored?.withdrawn ?? {}), [base]: generation + 1 },
    };
    await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).set({ data: nextTotal });
    return { created: true, entry, unitId: memberDay?.unitId ?? award.unitId, emptied };
  };
  const outcome = await inTransaction(db, body);
  if (!outcome.created) return { withdrawn: 0, created: false };
  const back = -outcome.entry.awarded;
  if (back > 0) await countUnitDay(db, { orgId: outcome.entry.orgId, unitId: outcome.unitId, day: outcome.entry.day }, -back, outcome.emptied ? -1 : 0);
  return { withdrawn: back, created: true };
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

/** A member's running total (one read by `_id`): for a page of another context that shows it. */
export async function pointsTotalOf(db: Database, memberId: string): Promise<number> {
  const res = (await db.collection(COLLECTIONS.pointsTotals).doc(memberId).get()) as unknown as { data: TotalDoc | null };
  return res.data?.total ?? 0;
}

/**
 * Points earned per day in a subtree over a period (and the members who earned any), and per
 * direct child (the console): closed-day roll-ups and the units' day counters, never the ledger.
 */
export async function pointsDayFigures(db: Database, q: DayFiguresQuery): Promise<DayFigures<'points' | 'members'>> {
  return readDayFigures(db, { rollups: COLLECTIONS.pointsRollups, unitDays: COLLECTIONS.pointsUnitDays, unitIndexed: true }, ['points', 'members'], q);
}
