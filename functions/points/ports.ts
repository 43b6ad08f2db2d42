// The points context's public module: the one way any context awards points (a ledger owned by one
// module that every context writes through). Call it after your own write has committed, and again
// whenever the same action is repeated (a retry finds your record there): the award's `_id` is the
// source, the member and the ref, so a repeat returns the award already made and writes nothing.

import { beijingDayKey } from '../../core/domain/time';
import { capAward, pointsAsked, POINT_SOURCES, rulesOn, nextStreak, type PointSource } from '../../core/domain/points';
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
  const entryId = ledgerId(req.source, req.memberId, req.ref);
  const dayId = memberDayId(req.memberId, day);
  const body = async (t: TransactionLike): Promise<Outcome> => {
    const there = (await t.collection(COLLECTIONS.pointsLedger).doc(entryId).get()).data as LedgerDoc | null;
    const stored = (await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).get()).data as TotalDoc | null;
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
      };
      await t.collection(COLLECTIONS.pointsDays).doc(dayId).set({ data: nextDay });
      await t.collection(COLLECTIONS.pointsTotals).doc(req.memberId).set({ data: nextTotal });
    }
    return { created: true, entry, total, unitId, firstOfDay: dayTotal === 0 && awarded > 0, sourceDay: { earned: used + awarded, cap: rule.cap } };
  };
  let outcome: Outcome;
  for (let round = 1; ; round++) {
    try {
      outcome = (await db.runTransaction(body)) as Outcome;
      break;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= ROUNDS) throw conflict('积分记录繁忙，请稍后再试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
  const { entry } = outcome;
  if (outcome.created && entry.awarded > 0) {
    await countUnitDay(db, { orgId: entry.orgId, unitId: outcome.unitId, day }, entry.awarded, outcome.firstOfDay ? 1 : 0);
  }
  return { awarded: entry.awarded, capped: entry.capped, total: outcome.total, created: outcome.created, sourceDay: outcome.created ? outcome.sourceDay : null };
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
