// Contract of the `checkin` cloud function: daily study check-ins (学习打卡), streaks and make-ups.
// (Issue 4 in progress: campaigns, reminders, branch views and the pages follow.)

import { z } from 'zod';
import type { CalendarDay } from '../domain/checkin';

const dayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const entrySchema = z
  .object({
    title: z.string().trim().min(1, '请填写学习内容').max(60, '学习内容最多60字'),
    minutes: z.number().int().min(1, '学习时长至少1分钟').max(600, '学习时长最多600分钟'),
    note: z.string().trim().max(300, '心得最多300字').default(''),
    /** A study material from the feed, when the title was picked from there. */
    materialId: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/).nullish(),
    share: z.boolean().default(false),
  })
  .strict();

export const checkinSchemas = {
  /** Check in for today (the server's Beijing day). */
  checkIn: entrySchema,
  /** Make up a missed day within the organisation's window and monthly quota. */
  makeUp: entrySchema.extend({ day: dayKeySchema }).strict(),
  /** The member's streaks and one month of their calendar (default: this month). */
  getMyCheckins: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM').nullish() }).strict(),
  /** Organisers: completion per branch for a day and the seven days up to it (counters, O(1) per branch and day). */
  branchCompletion: z.object({ day: dayKeySchema.nullish() }).strict(),
  /** Organisers: who in one branch has and has not checked in on a day. */
  branchDayRoster: z.object({ unitId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/), day: dayKeySchema.nullish() }).strict(),
} as const;

export type CheckinRequests = { [A in keyof typeof checkinSchemas]: z.input<(typeof checkinSchemas)[A]> };

export interface CheckinState {
  today: string;
  checkedToday: boolean;
  currentStreak: number;
  longestStreak: number;
  total: number;
  makeupsLeftThisMonth: number;
  makeupWindowDays: number;
}

export interface CheckinResult extends CheckinState {
  day: string;
  madeUp: boolean;
  /** False when this day was already checked (a double tap or a retry): nothing new was written. */
  created: boolean;
}

export interface MyCheckins extends CheckinState {
  month: string;
  calendar: CalendarDay[];
}

export interface BranchCompletion {
  unitId: string;
  unitName: string;
  members: number;
  /** Check-ins on the day, and per day of the week ending on it (oldest first). */
  today: number;
  week: Array<{ day: string; count: number }>;
}

export interface DayRosterRow {
  memberId: string;
  name: string;
  checkedIn: boolean;
  madeUp: boolean;
  minutes: number | null;
}

export interface CheckinResponses {
  checkIn: CheckinResult;
  makeUp: CheckinResult;
  getMyCheckins: MyCheckins;
  branchCompletion: { day: string; units: BranchCompletion[] };
  branchDayRoster: { day: string; unitId: string; unitName: string; rows: DayRosterRow[]; missingText: string };
}
