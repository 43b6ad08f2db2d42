// Stored documents of the check-in context. One check-in per member and Beijing day is a database
// rule: its _id is `${memberId}_${day}`.

import type { DayRun } from '../../core/domain/checkin';

export interface CheckinDoc {
  _id: string;
  memberId: string;
  /** The member's name when they checked in (the branch feed shows it without another read). */
  name: string;
  orgId: string;
  unitId: string;
  day: string;
  at: number;
  title: string;
  minutes: number;
  note: string;
  materialId: string | null;
  share: boolean;
  /** fileID of an optional photo (checked to be an image). */
  photo: string | null;
  madeUp: boolean;
}

/** `_id` = memberId: streak state kept by writes, so a check-in never reads the history. */
export interface SummaryDoc {
  _id: string;
  orgId: string;
  unitId: string;
  runs: DayRun[];
  longest: number;
  total: number;
  /** Bumped by every change of the runs: updates are conditional on the value read. */
  rev: number;
  /** Make-ups are counted per calendar month in which they are made. */
  makeupMonth: string;
  makeupCount: number;
}

/** `_id` = `${memberId}_${YYYY-MM}`: the member's days of one month, for the calendar (one read). */
export interface MonthDoc {
  _id: string;
  memberId: string;
  /** day of month ('01'…'31') → 'c' checked or 'm' made up. */
  days: Record<string, 'c' | 'm'>;
}

/** `_id` = orgId: the organisation's check-in settings (absent: defaults). */
export interface SettingsDoc {
  _id: string;
  makeupWindowDays: number;
  makeupPerMonth: number;
  reminderEnabled: boolean;
  /** Beijing 'HH:mm'. */
  reminderTime: string;
  updatedAt: number;
  updatedBy: string;
}

export interface ChallengeDoc {
  _id: string;
  orgId: string;
  title: string;
  description: string;
  startDay: string;
  endDay: string;
  requiredDays: number;
  /** Branch ids, or ['ALL'] for the whole organisation. */
  audience: string[];
  status: 'active' | 'cancelled';
  createdBy: string;
  createdByName: string;
  createdAt: number;
  cancelledAt: number | null;
}

/** `_id` = `${memberId}_${day}`: the member was reminded that day (at most once, by timer or by hand). */
export interface ReminderMarkDoc {
  _id: string;
  at: number;
  by: 'timer' | 'organiser';
}

/** `_id` = `${orgId}_${day}`: the daily reminder job's progress for one organisation. */
export interface ReminderRunDoc {
  _id: string;
  orgId: string;
  day: string;
  /** Last reminderCredits _id handled: the next trigger continues after it. */
  cursor: string;
  done: boolean;
  sent: number;
  startedAt: number;
  finishedAt: number | null;
}

/**
 * `_id` = `${unitId}_${day}`: check-ins of the unit's whole subtree on a closed day, computed by the
 * timer under tree version `tree` (functions/checkin/rollups.ts). The root's document marks the day
 * as computed for the organisation.
 */
export interface RollupDoc {
  _id: string;
  unitId: string;
  orgId: string;
  day: string;
  count: number;
  tree: number;
  at: number;
}

/** `_id` = orgId: how far back the roll-ups have been computed under tree version `tree`. */
export interface RollupRunDoc {
  _id: string;
  orgId: string;
  tree: number;
  /** The next (older) day to compute. */
  next: string;
  at: number;
}

/**
 * `_id` = `${unitId}_${day}`: check-ins of the unit's own members on a day, kept by an atomic
 * increment per check-in and repaired by the timer (../dailyRepair.ts).
 */
export interface DailyDoc {
  _id: string;
  unitId: string;
  orgId: string;
  day: string;
  count: number;
  /** A count found different from the check-ins, kept until the next run confirms it stuck. */
  check?: { at: number; count: number; counted: number };
}
