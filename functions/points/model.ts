// Stored documents of the points context. Entries are never updated; every figure a page shows is
// a counter kept by the award that made it, so no read scans the ledger.

import type { PointSource, RulesVersion } from '../../core/domain/points';

/** `_id` = `${source}_${memberId}_${ref}`: an award exists once however often it is asked for. */
export interface LedgerDoc {
  _id: string;
  orgId: string;
  memberId: string;
  unitId: string;
  unitPath: string[];
  source: PointSource;
  /** What the source awards for (a check-in day, an event id, an exam id, a round id). */
  ref: string;
  /** Beijing day of `at`: the day whose cap the entry counts against. */
  day: string;
  /** What the source reported (correct answers, a round's score, 1 for a check-in). */
  asked: number;
  /** Points before the cap, at the rule in force. */
  raw: number;
  awarded: number;
  capped: boolean;
  ruleVersion: number;
  /** When the awarded thing happened (ms); for a correcting entry, when the correction was made. */
  at: number;
  /**
   * A correcting entry (`${entry}_withdrawn`) names the entry whose points it takes back, with
   * `awarded` the negative of that entry's; its `day` is that entry's day, whose counters it lowers.
   */
  withdraws?: string;
}

/** `_id` = `${memberId}_${day}`: a member's day, for the caps and the unit's day counter. */
export interface MemberDayDoc {
  _id: string;
  orgId: string;
  memberId: string;
  /** The member's unit at their first award of the day: the day counts for that unit. */
  unitId: string;
  day: string;
  bySource: Partial<Record<PointSource, number>>;
  total: number;
  at: number;
}

/** `_id` = memberId: the member's running totals and streak of days with points. */
export interface TotalDoc {
  _id: string;
  orgId: string;
  unitId: string;
  unitPath: string[];
  total: number;
  bySource: Partial<Record<PointSource, number>>;
  lastDay: string;
  streak: number;
  longest: number;
  updatedAt: number;
  /**
   * How many times an award was taken back, by the award's first `_id` (`${source}_${memberId}_${ref}`):
   * the award standing now is that id's generation (`awardId`), so a pass withdrawn and earned again
   * is a new entry, and the award's transaction finds its generation in the document it reads anyway.
   */
  withdrawn?: Record<string, number>;
}

/**
 * `_id` = `${unitId}_${day}`: a unit's own members that day (the leaf counter), incremented after the
 * award commits; `check` is a difference the timer saw, repaired if unchanged a minute later.
 */
export interface UnitDayDoc {
  _id: string;
  orgId: string;
  unitId: string;
  day: string;
  points: number;
  members: number;
  check?: { at: number; points: number; members: number; countedPoints: number; countedMembers: number };
}

/** `_id` = `${unitId}_${day}`: a closed day's figures of the unit's whole subtree (timer). */
export interface RollupDoc {
  _id: string;
  orgId: string;
  unitId: string;
  day: string;
  points: number;
  members: number;
  /** The tree version it was computed under (the root's `treeVersion`). */
  tree: number;
  at: number;
}

/** `_id` = orgId: how far back the roll-up history is computed under the current tree. */
export interface RollupRunDoc {
  _id: string;
  orgId: string;
  tree: number;
  next: string;
  at: number;
}

/** `_id` = orgId: the organisation's rule versions (absent: the defaults, version 0). */
export interface RulesDoc {
  _id: string;
  orgId: string;
  versions: RulesVersion[];
  updatedAt: number;
}
