// The console's gap lists (工作台 · 未参加): each member's gaps across all activities of a unit's
// subtree for a period, one member's whole picture, the nudge for a list (copy text, reminders to
// credit holders, a share card for the rest) and its xlsx export. Part of the `console` contract
// (./console.ts).

import * as z from 'zod';
import type { CheckinState, EventState, ExamState, GapActivity, QuizState } from '../domain/console/gaps';
import { cursorField, idField, periodField } from './common';

/** Members per page: each activity is one read keyed by the page's ids (the SDK reads 1000 at most). */
export const GAP_PAGE_MAX = 50;

const activitySchema = () => z.enum(['exam', 'checkin', 'event', 'quiz']);

export const gapActions = {
  /** Organisers of the unit's subtree: its members (leaders apart), each with their gaps, a page at a time. */
  listGaps: () => z
    .object({ unitId: idField(), period: periodField(), cursor: cursorField(), limit: z.number().int().min(1).max(GAP_PAGE_MAX).default(30) })
    .strict(),
  /** Organisers of the member's unit subtree: one member's whole picture for the period. */
  memberPicture: () => z.object({ memberId: idField(), period: periodField() }).strict(),
  /** The nudge for one activity's list (an exam's: `refId` is the exam): copy text and honest counts. */
  gapsNudge: () => z.object({ unitId: idField(), period: periodField(), activity: activitySchema(), refId: idField().nullish() }).strict(),
  /** Organisers of the unit's subtree: its leaders (领导班子), shown apart on 工作台, with their gaps. */
  leaderGaps: () => z.object({ unitId: idField(), period: periodField() }).strict(),
  /** An xlsx of the subtree's members and their states, one row each. */
  exportGaps: () => z.object({ unitId: idField(), period: periodField() }).strict(),
} as const;

export interface PeriodView {
  label: string;
  fromDay: string;
  toDay: string;
  days: number;
}

export interface GapExam {
  examId: string;
  title: string;
  opensAt: number;
  closesAt: number;
}

export interface ExamCell {
  examId: string;
  state: ExamState;
  words: string;
  /** Shown to organisers of the member's subtree (the only callers). */
  score: number | null;
}

export interface GapRow {
  memberId: string;
  name: string;
  unitId: string;
  unitName: string;
  leader: boolean;
  bound: boolean;
  /** One cell per exam of the answer's `exams` the member's audience includes. */
  exams: ExamCell[];
  checkin: { state: CheckinState; words: string; days: number; of: number; thisWeek: number | null };
  /** Events that ended in the period where the member held a place and was not recorded. */
  missedEvents: Array<{ eventId: string; title: string; endsAt: number }>;
  quiz: { state: QuizState; words: string; lastDay: string | null; daysSince: number | null };
  /** The activities in which the member has a gap (未绑定 counts: they are offered an invitation). */
  gaps: GapActivity[];
}

export interface ActivitySummary {
  activity: GapActivity;
  /** Members of this page with a gap in it, split by binding. */
  gaps: number;
  bound: number;
  unbound: number;
  /** Bound members with the gap holding a subscribe credit for it; null where no reminder exists. */
  withCredit: number | null;
}

export interface GapList {
  period: PeriodView;
  now: number;
  unitName: string;
  exams: GapExam[];
  events: Array<{ eventId: string; title: string; endsAt: number }>;
  /** 领导班子成员 of this page, apart; then the others. Roster order. */
  leaders: GapRow[];
  members: GapRow[];
  /** Over this page's members. */
  summary: ActivitySummary[];
  nextCursor: string | null;
}

export interface MemberPicture {
  period: PeriodView;
  now: number;
  member: { memberId: string; name: string; unitId: string; unitName: string; leader: boolean; bound: boolean };
  exams: Array<GapExam & { state: ExamState; words: string; score: number | null }>;
  /** Days checked in within the period (made-up ones apart) and the period's days. */
  checkin: { days: string[]; madeUp: string[]; of: number };
  events: Array<{ eventId: string; title: string; startsAt: number; endsAt: number; state: EventState; words: string }>;
  quiz: { days: string[]; streak: number; longest: number; lastDay: string | null; words: string };
  contests: Array<{ contestId: string; title: string; closesAt: number; rounds: number; total: number; best: number }>;
  points: { total: number; inPeriod: number };
}

export interface GapsNudge {
  activity: GapActivity;
  title: string;
  deadline: number | null;
  /** The message for the group chat: who, what, by when and how. */
  text: string;
  /** Bound members with the gap holding a credit for this activity (a reminder reaches them). */
  remindable: number;
  /** Bound members with the gap and no credit: the group chat reaches them. */
  notRemindable: number;
  /** Roster entries not bound: an invitation, never a reminder. */
  unbound: number;
  /** Units whose own members a reminder action would reach (exam.remindAbsentees, checkin.remindBranch). */
  remindUnits: Array<{ unitId: string; unitName: string }>;
  /** Units with unbound entries (their invite card). */
  inviteUnits: Array<{ unitId: string; unitName: string; count: number }>;
  /** More members than one nudge reads: the counts cover the first ones only. */
  truncated: boolean;
}

/** The subtree's leaders (the first LEADERS_MAX in roster order) and their gaps, for 工作台. */
export interface LeaderGaps {
  period: PeriodView;
  leaders: GapRow[];
  summary: ActivitySummary[];
  /** More leaders than LEADERS_MAX: the gap list shows them all. */
  more: boolean;
}

/** Leaders 工作台 shows apart; a subtree with more is told to open the gap list. */
export const LEADERS_MAX = 50;

export interface GapResponses {
  listGaps: GapList;
  memberPicture: MemberPicture;
  gapsNudge: GapsNudge;
  exportGaps: { fileID: string; url: string; fileName: string; rows: number };
  leaderGaps: LeaderGaps;
}

