// Points (积分): the rules of the ledger, platform-free. Each source earns `points` per unit of what
// the caller reports (`asked`), and no more than `cap` a Beijing day. An organisation's rules are
// versions, each in force from a day on, so a day never mixes two rule sets and an entry names the
// version it was awarded under.

import { addDays, beijingDayStart } from './time';

export const POINT_SOURCES = ['quiz', 'checkin', 'event', 'exam', 'contest'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

export const SOURCE_LABELS: Record<PointSource, string> = {
  quiz: '每日答题',
  checkin: '学习打卡',
  event: '活动签到',
  exam: '考试通过',
  contest: '知识竞赛',
};

/** A correcting entry's label: points taken back when what earned them was corrected (a regrade). */
export const WITHDRAWAL_LABELS: Record<PointSource, string> = {
  quiz: '每日答题更正',
  checkin: '学习打卡更正',
  event: '活动签到更正',
  exam: '考试成绩更正',
  contest: '知识竞赛更正',
};

/** How a history row is labelled: its source, or the correction when it takes an award back. */
export function entryLabel(e: { source: PointSource; withdraws?: string }): string {
  return e.withdraws ? WITHDRAWAL_LABELS[e.source] : SOURCE_LABELS[e.source];
}

/** An entry's points as the member reads them: +5, −5 (a true minus sign), +0. */
export function signedPoints(n: number): string {
  return n < 0 ? `\u2212${-n}` : `+${n}`;
}

/**
 * What one unit of `asked` is, per source, and how many of the caller's units make one unit of the
 * rule: a contest round reports its score (0–100) and earns per 10 points of it.
 */
export const SOURCE_UNITS: Record<PointSource, { label: string; size: number }> = {
  quiz: { label: '每答对1题', size: 1 },
  checkin: { label: '每天打卡', size: 1 },
  event: { label: '每次签到', size: 1 },
  exam: { label: '每通过1场考试', size: 1 },
  contest: { label: '每局成绩每10分', size: 10 },
};

export interface SourceRule {
  /** Points per unit of the source (0 switches the source off). */
  points: number;
  /** At most this many points from the source in one Beijing day. */
  cap: number;
}

export type PointsRules = Record<PointSource, SourceRule>;

/** The rules of an organisation that never changed them: version 0. Never edited in place (see docs/POINTS.md). */
export const DEFAULT_POINTS_RULES: PointsRules = {
  quiz: { points: 1, cap: 5 },
  checkin: { points: 1, cap: 1 },
  event: { points: 2, cap: 4 },
  exam: { points: 5, cap: 10 },
  contest: { points: 1, cap: 10 },
};

/** Bounds an organiser's rule must keep (the contract checks them). */
export const RULE_LIMITS = { points: 20, cap: 100 } as const;

export interface RulesVersion {
  /** 1, 2, … in the order they were saved; 0 is the defaults. */
  v: number;
  /** The first Beijing day the rules apply. */
  from: string;
  rules: PointsRules;
  /** Member id of the org admin who saved it, and their name. */
  by: string;
  byName: string;
  at: number;
  note: string;
}

/** Which rules apply on `day`: the latest version starting on or before it, else the defaults. */
export function rulesOn(versions: readonly RulesVersion[], day: string): { v: number; rules: PointsRules } {
  let best: RulesVersion | null = null;
  for (const ver of versions) if (ver.from <= day && (!best || ver.from > best.from || (ver.from === best.from && ver.v > best.v))) best = ver;
  return best ? { v: best.v, rules: best.rules } : { v: 0, rules: DEFAULT_POINTS_RULES };
}

/** The points a source asks for before the cap: `asked` units at the rule's rate, rounded. */
export function pointsAsked(source: PointSource, rule: SourceRule, asked: number): number {
  if (!(asked > 0) || rule.points <= 0) return 0;
  return Math.round((asked * rule.points) / SOURCE_UNITS[source].size);
}

/** The award after the day's cap: what is left of the cap, at most what was asked. */
export function capAward(raw: number, cap: number, usedToday: number): { awarded: number; capped: boolean } {
  const left = Math.max(0, cap - Math.max(0, usedToday));
  const awarded = Math.max(0, Math.min(raw, left));
  return { awarded, capped: awarded < raw };
}

/** Why a new rule version cannot be saved from `from`, or null. A change starts tomorrow at the earliest. */
export function versionRefusal(from: string, today: string): string | null {
  if (from <= today) return '新规则最早从明天起生效';
  if (from > addDays(today, 366)) return '生效日期最多在一年之内';
  return null;
}

/**
 * The versions after saving one from `from`: versions in force (from ≤ today) are kept as they
 * are; a scheduled one that has not started is replaced when the new one starts on or before it,
 * since no entry was ever awarded under it.
 */
export function withVersion(versions: readonly RulesVersion[], next: Omit<RulesVersion, 'v'>, today: string): RulesVersion[] {
  const v = versions.reduce((m, x) => Math.max(m, x.v), 0) + 1;
  const kept = versions.filter((x) => x.from <= today || x.from < next.from);
  return [...kept, { ...next, v }].sort((a, b) => (a.from === b.from ? a.v - b.v : a.from < b.from ? -1 : 1));
}

/** Days in a row with any points, ending today or yesterday (yesterday: today may still come). */
export function currentStreak(s: { lastDay: string; streak: number }, today: string): number {
  return s.lastDay === today || s.lastDay === addDays(today, -1) ? s.streak : 0;
}

/** The streak after points were earned on `day` (a late award for an earlier day changes nothing). */
export function nextStreak(s: { lastDay: string; streak: number; longest: number }, day: string): { lastDay: string; streak: number; longest: number } {
  if (s.lastDay === day || (s.lastDay && day < s.lastDay)) return s;
  const streak = s.lastDay === addDays(day, -1) ? s.streak + 1 : 1;
  return { lastDay: day, streak, longest: Math.max(s.longest, streak) };
}

/**
 * The streak after `day` lost all its points (a withdrawal emptied it): a day of the current run
 * ending at `lastDay` breaks it, leaving the days after it (the last day itself: the days before
 * it). `longest` is history and stays. A day outside the run changes nothing.
 */
export function streakWithout(s: { lastDay: string; streak: number; longest: number }, day: string): { lastDay: string; streak: number; longest: number } {
  if (!s.lastDay || s.streak <= 0 || day > s.lastDay || day <= addDays(s.lastDay, -s.streak)) return s;
  if (day === s.lastDay) return { lastDay: s.streak > 1 ? addDays(day, -1) : '', streak: s.streak - 1, longest: s.longest };
  const after = Math.round((beijingDayStart(s.lastDay) - beijingDayStart(day)) / 86_400_000);
  return { lastDay: s.lastDay, streak: after, longest: s.longest };
}
