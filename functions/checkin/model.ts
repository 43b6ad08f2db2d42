// Stored documents of the check-in context. One check-in per member and Beijing day is a database
// rule: its _id is `${memberId}_${day}`.

import type { DayRun } from '../../core/domain/checkin';

export interface CheckinDoc {
  _id: string;
  memberId: string;
  orgId: string;
  unitId: string;
  day: string;
  at: number;
  title: string;
  minutes: number;
  note: string;
  materialId: string | null;
  share: boolean;
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
