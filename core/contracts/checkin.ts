// Contract of the `checkin` cloud function: daily study check-ins (学习打卡), streaks, make-ups,
// challenges, the branch feed of shared check-ins, reminders and the organisers' completion views.

import * as z from 'zod';
import type { CalendarDay, ChallengeStanding } from '../domain/checkin';
import { cursorField, idField, pageLimitField, type Page } from './common';
import { actionSchemas } from './lazy';

const dayKeySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const entrySchema = () => z
  .object({
    title: z.string().trim().min(1, '请填写学习内容').max(60, '学习内容最多60字'),
    minutes: z.number().int().min(1, '学习时长至少1分钟').max(600, '学习时长最多600分钟'),
    note: z.string().trim().max(300, '心得最多300字').default(''),
    /** A study material from the feed, when the title was picked from there. */
    materialId: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/).nullish(),
    share: z.boolean().default(false),
    /** A photo uploaded to cloud storage first (its fileID); the server checks that it is an image. */
    photo: z.string().min(1).max(512).nullish(),
  })
  .strict();

const challengeFields = () => ({
  title: z.string().trim().min(2, '活动名称至少2个字').max(30, '活动名称最多30字'),
  description: z.string().trim().max(300, '活动说明最多300字').default(''),
  startDay: dayKeySchema(),
  endDay: dayKeySchema(),
  requiredDays: z.number().int().min(1, '达标天数至少1天').max(366, '达标天数最多366天'),
});

export const checkinSchemas = actionSchemas({
  /** Check in for today (the server's Beijing day). */
  checkIn: () => entrySchema(),
  /** Make up a missed day within the organisation's window and monthly quota. */
  makeUp: () => entrySchema().extend({ day: dayKeySchema() }).strict(),
  /** The member's streaks and one month of their calendar (default: this month). */
  getMyCheckins: () => z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM').nullish() }).strict(),
  /** Organisers: completion per branch for a day and the seven days up to it (counters, O(1) per branch and day). */
  branchCompletion: () => z.object({ day: dayKeySchema().nullish() }).strict(),
  /** Organisers: who in one branch has and has not checked in on a day. */
  branchDayRoster: () => z.object({ unitId: idField(), day: dayKeySchema().nullish() }).strict(),
  /** Organisers: remind those in a branch who have not checked in today (one credit each, once a day). */
  remindBranch: () => z.object({ unitId: idField() }).strict(),
  /** Organisers: daily completion over the last 30 days, or over a challenge, for one branch or all managed ones. */
  completionTrend: () => z.object({ unitId: idField().nullish(), challengeId: idField().nullish() }).strict(),
  /** Organisers: xlsx of a day's roster (every managed branch, or one) and the week's rates per branch. */
  exportCompletion: () => z.object({ unitId: idField().nullish(), day: dayKeySchema().nullish() }).strict(),
  /** The organisation's check-in settings (anyone bound may read them; org admins change them). */
  getSettings: () => z.object({}).strict(),
  updateSettings: () => z
    .object({
      makeupWindowDays: z.number().int().min(0, '补卡期限不能为负').max(7, '补卡期限最多7天'),
      makeupPerMonth: z.number().int().min(0, '每月补卡次数不能为负').max(10, '每月补卡最多10次'),
      reminderEnabled: z.boolean(),
      reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '提醒时间格式应为 HH:mm'),
    })
    .strict(),
  /** Organisers: start a themed challenge for their branches (org admins: also the whole organisation). */
  createChallenge: () => z
    .object({
      ...challengeFields(),
      /** Branch ids; empty means the whole organisation. */
      unitIds: z.array(idField()).max(200).default([]),
    })
    .strict(),
  cancelChallenge: () => z.object({ challengeId: idField() }).strict(),
  /** Organisers: challenges of their organisation that reach their branches, newest first. */
  listChallenges: () => z.object({}).strict(),
  /** Organisers: each member's days and standing in one branch. */
  challengeProgress: () => z.object({ challengeId: idField(), unitId: idField() }).strict(),
  /** Members: the challenges for their branch (running, upcoming, ended in the last 30 days) with their progress. */
  myChallenges: () => z.object({}).strict(),
  /** Members: recent check-ins their branch mates chose to share, newest first. */
  sharedCheckins: () => z.object({ cursor: cursorField(), limit: pageLimitField() }).strict(),
  /** Members: a cloud path to upload a check-in photo to (an upload ticket); check-ins accept only that file. */
  uploadTicket: () => z.object({ purpose: z.enum(['photo']), name: z.string().trim().min(1).max(200) }).strict(),
} as const);

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
  /** Members bound to WeChat now; the others cannot check in until they bind (未绑定). */
  bound: number;
  /** Check-ins on the day, and per day of the week ending on it (oldest first). */
  today: number;
  week: Array<{ day: string; count: number }>;
}

export interface DayRosterRow {
  memberId: string;
  name: string;
  /** 领导班子成员: listed first, and counted apart ("leaders first"). */
  leader: boolean;
  checkedIn: boolean;
  madeUp: boolean;
  minutes: number | null;
  /** Bound to WeChat: an entry never bound can neither check in nor be reminded (it needs an invitation). */
  bound: boolean;
}

export interface CheckinSettings {
  makeupWindowDays: number;
  makeupPerMonth: number;
  reminderEnabled: boolean;
  /** Beijing time of the daily reminder, 'HH:mm'. */
  reminderTime: string;
  /** True for org admins: the page shows the form. */
  canEdit: boolean;
}

export interface ChallengeSummary {
  id: string;
  title: string;
  description: string;
  startDay: string;
  endDay: string;
  requiredDays: number;
  /** Branch names, or empty for the whole organisation. */
  audienceNames: string[];
  /** Branch ids, or empty for the whole organisation. */
  unitIds: string[];
  status: 'active' | 'cancelled';
  createdByName: string;
  /** The server's Beijing day when this was answered (phases are read against it, not the phone's clock). */
  today: string;
  /** Organisers only: whether this organiser may cancel it. */
  canCancel?: boolean;
}

export interface MyChallenge extends ChallengeSummary {
  doneDays: number;
  standing: ChallengeStanding;
}

export interface ChallengeProgressRow {
  memberId: string;
  name: string;
  doneDays: number;
  standing: ChallengeStanding;
}

export interface SharedCheckin {
  id: string;
  name: string;
  day: string;
  at: number;
  title: string;
  minutes: number;
  note: string;
  madeUp: boolean;
  /** A temporary URL of the photo, or null. */
  photoUrl: string | null;
  mine: boolean;
}

export interface CheckinResponses {
  uploadTicket: { cloudPath: string };
  checkIn: CheckinResult;
  makeUp: CheckinResult;
  getMyCheckins: MyCheckins;
  branchCompletion: { day: string; units: BranchCompletion[] };
  branchDayRoster: {
    day: string;
    unitId: string;
    unitName: string;
    rows: DayRosterRow[];
    missingText: string;
    /** The leadership's own figures for the day. */
    leaders: { total: number; done: number };
  };
  /**
   * sent: messages sent now; withoutCredit: bound but no credit left; alreadyReminded: reminded today
   * already; unbound: roster entries never bound to WeChat (no reminder can reach them).
   */
  remindBranch: { sent: number; withoutCredit: number; alreadyReminded: number; unbound: number };
  completionTrend: { from: string; to: string; members: number; days: Array<{ day: string; count: number }> };
  exportCompletion: { fileID: string; url: string; fileName: string };
  getSettings: CheckinSettings;
  updateSettings: CheckinSettings;
  createChallenge: ChallengeSummary;
  cancelChallenge: ChallengeSummary;
  listChallenges: ChallengeSummary[];
  challengeProgress: {
    challenge: ChallengeSummary;
    unitId: string;
    unitName: string;
    today: string;
    rows: ChallengeProgressRow[];
    counts: Record<ChallengeStanding, number>;
    /** Copyable list of those behind or missed. */
    behindText: string;
  };
  myChallenges: MyChallenge[];
  sharedCheckins: Page<SharedCheckin>;
}
