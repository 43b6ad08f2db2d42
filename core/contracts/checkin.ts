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

export interface CheckinResponses {
  checkIn: CheckinResult;
  makeUp: CheckinResult;
  getMyCheckins: MyCheckins;
}
