// 今日任务 (the home page's tasks for today) as pure rules: which facts are still a task today, their
// order and the short line each shows. The org function gathers the facts through each context's
// port in a fixed number of reads; nothing here reads or writes.

import { addDays, beijingDayKey, beijingDayStart, beijingParts } from './time';

export type TodayTaskKind = 'exam' | 'event' | 'checkin' | 'quiz' | 'contest';

export interface TodayTask {
  kind: TodayTaskKind;
  /** The exam's, event's or contest's id; empty for check-in and the daily quiz (one of each a day). */
  id: string;
  title: string;
  /** One short line in plain words: 还剩 2 天截止, 今天 14:30 开始 · 党员活动室. */
  line: string;
}

export interface TodayView {
  /** The Beijing day the tasks are for. */
  day: string;
  /** What is left today, in the order to do it. */
  tasks: TodayTask[];
  /** What is already done today, in plain words (今天的学习打卡已完成). */
  done: string[];
}

/** An exam or make-up window of the member's audience, with the member's own standing. */
export interface ExamFact {
  examId: string;
  title: string;
  kind: 'exam' | 'makeup';
  opensAt: number;
  closesAt: number;
  /** An attempt of theirs is running (started, not handed in). */
  inProgress: boolean;
  /** When they last handed in, or null when they never did. */
  submittedAt: number | null;
}

/** An event the member holds a confirmed place at. */
export interface EventFact {
  eventId: string;
  title: string;
  place: string;
  startsAt: number;
  endsAt: number;
  attended: boolean;
}

/** An open contest of the member's audience, with today's counting rounds they finished. */
export interface ContestFact {
  contestId: string;
  title: string;
  closesAt: number;
  countingRounds: number;
  countedToday: number;
}

export interface TodayFacts {
  now: number;
  exams: ExamFact[];
  events: EventFact[];
  checkedIn: boolean;
  /** Whether today's daily quiz is done; null where the organisation has no daily quiz to offer. */
  quizDone: boolean | null;
  /** Contests open now (their window and audience checked by the port). */
  contests: ContestFact[];
}

/** 今天 / 明天 / 后天, else 5月3日 (Beijing days). */
export function dayWord(at: number, now: number): string {
  const today = beijingDayKey(now);
  const day = beijingDayKey(at);
  if (day === today) return '今天';
  if (day === addDays(today, 1)) return '明天';
  if (day === addDays(today, 2)) return '后天';
  const p = beijingParts(at);
  return `${p.m}月${p.d}日`;
}

/** Whole Beijing days from today's to the day of `at` (0 today, 1 tomorrow). */
function daysUntil(at: number, now: number): number {
  return Math.round((beijingDayStart(beijingDayKey(at)) - beijingDayStart(beijingDayKey(now))) / 86_400_000);
}

/** 今天 18:00 截止 / 明天 18:00 截止 within two days, else 还剩 N 天截止 (the day it closes counts as one). */
export function closingLine(closesAt: number, now: number): string {
  const days = daysUntil(closesAt, now);
  if (days <= 1) return `${dayWord(closesAt, now)} ${beijingParts(closesAt).time} 截止`;
  return `还剩 ${days} 天截止`;
}

/** 今天 14:30 开始 · 党员活动室, or 正在进行 · 党员活动室 once it has started. */
export function eventLine(e: Pick<EventFact, 'startsAt' | 'place'>, now: number): string {
  const when = e.startsAt <= now ? '正在进行' : `${dayWord(e.startsAt, now)} ${beijingParts(e.startsAt).time} 开始`;
  const place = e.place.trim();
  return place ? `${when} · ${place}` : when;
}

/** A window is a task while it is open and the member has not handed in (or has an attempt running). */
export function examIsTask(e: ExamFact, now: number): boolean {
  return e.opensAt <= now && now < e.closesAt && (e.inProgress || e.submittedAt === null);
}

/** An event is a task from the day before it starts until it ends, until the member's attendance is recorded. */
export function eventIsTask(e: EventFact, now: number): boolean {
  const dayAfterTomorrow = beijingDayStart(addDays(beijingDayKey(now), 2));
  return !e.attended && now < e.endsAt && e.startsAt < dayAfterTomorrow;
}

/** 知识竞赛：还可计分 2 局，12月10日截止 (today's or tomorrow's close with its time). */
export function contestLine(left: number, closesAt: number, now: number): string {
  const p = beijingParts(closesAt);
  const when = daysUntil(closesAt, now) <= 1 ? `${dayWord(closesAt, now)} ${p.time} ` : `${p.m}月${p.d}日`;
  return `知识竞赛：还可计分 ${left} 局，${when}截止`;
}

const byThen = <T>(key: (x: T) => number, id: (x: T) => string) => (a: T, b: T) => key(a) - key(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

/**
 * The member's tasks for today, in the order to do them: exams closing soonest first, then today's
 * events by start, then the check-in, the daily quiz and the contests' rounds (closing soonest
 * first), then tomorrow's events (a heads-up, not
 * due today); and what is already done today.
 */
export function todayTasks(f: TodayFacts): TodayView {
  const { now } = f;
  const today = beijingDayKey(now);
  const tasks: TodayTask[] = [];

  const exams = f.exams.filter((e) => examIsTask(e, now)).sort(byThen((e) => e.closesAt, (e) => e.examId));
  for (const e of exams) {
    const parts = [e.kind === 'makeup' ? '补考' : '', e.inProgress ? '正在作答' : '', closingLine(e.closesAt, now)].filter(Boolean);
    tasks.push({ kind: 'exam', id: e.examId, title: e.title, line: parts.join(' · ') });
  }

  const events = f.events.filter((e) => eventIsTask(e, now)).sort(byThen((e) => e.startsAt, (e) => e.eventId));
  const eventTask = (e: EventFact): TodayTask => ({ kind: 'event', id: e.eventId, title: e.title, line: eventLine(e, now) });
  const startsByToday = (e: EventFact) => beijingDayKey(e.startsAt) <= today;
  tasks.push(...events.filter(startsByToday).map(eventTask));

  if (!f.checkedIn) tasks.push({ kind: 'checkin', id: '', title: '学习打卡', line: '今天还没有打卡' });
  if (f.quizDone === false) tasks.push({ kind: 'quiz', id: '', title: '每日答题', line: '今天还没有答题' });
  // A round begun and not finished still counts as left: the contest page continues it.
  const contests = f.contests.filter((c) => c.closesAt > now).sort(byThen((c) => c.closesAt, (c) => c.contestId));
  for (const c of contests) {
    const left = c.countingRounds - c.countedToday;
    if (left > 0) tasks.push({ kind: 'contest', id: c.contestId, title: c.title, line: contestLine(left, c.closesAt, now) });
  }

  tasks.push(...events.filter((e) => !startsByToday(e)).map(eventTask));

  const done: string[] = [];
  if (f.checkedIn) done.push('今天的学习打卡已完成');
  if (f.quizDone === true) done.push('今天的每日答题已完成');
  for (const c of contests) if (c.countedToday >= c.countingRounds) done.push(`今天的知识竞赛计分局已答完：${c.title}`);
  for (const e of f.exams) {
    if (e.submittedAt !== null && !e.inProgress && beijingDayKey(e.submittedAt) === today) done.push(`今天已交卷：${e.title}`);
  }
  for (const e of f.events) {
    if (e.attended && beijingDayKey(e.startsAt) <= today) done.push(`已签到：${e.title}`);
  }
  return { day: today, tasks, done };
}
