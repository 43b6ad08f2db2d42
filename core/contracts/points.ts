// Contract of the `points` cloud function: a member's points (积分) — total, today against the caps,
// history — the organisation's rules with their dated change log, and a unit's points for organisers.

import * as z from 'zod';
import { POINT_SOURCES, RULE_LIMITS, type PointSource, type PointsRules } from '../domain/points';
import { cursorField, idField, lineSchema, type Page } from './common';
import { actionSchemas } from './lazy';

const dayKeySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const sourceRuleSchema = () => z
  .object({
    points: z.number().int('分值应为整数').min(0, '分值不能为负').max(RULE_LIMITS.points, `分值最多${RULE_LIMITS.points}分`),
    cap: z.number().int('每日上限应为整数').min(0, '每日上限不能为负').max(RULE_LIMITS.cap, `每日上限最多${RULE_LIMITS.cap}分`),
  })
  .strict();

const rulesSchema = () => z.object(Object.fromEntries(POINT_SOURCES.map((s) => [s, sourceRuleSchema()])) as Record<PointSource, ReturnType<typeof sourceRuleSchema>>).strict();

export const pointsSchemas = actionSchemas({
  /** The caller's total, today's points by source against the caps, streak and the rules in force. */
  myPoints: () => z.object({}).strict(),
  /** The caller's own entries, newest first. */
  pointsHistory: () => z.object({ cursor: cursorField(), limit: z.number().int().min(1).max(50).default(20) }).strict(),
  /** The rules in force, a scheduled change and the dated change log (every bound member). */
  pointsRules: () => z.object({}).strict(),
  /** Org admins: new rules from a Beijing day (tomorrow at the earliest). */
  savePointsRules: () => z.object({ from: dayKeySchema(), rules: rulesSchema(), note: lineSchema('说明', 100).default('') }).strict(),
  /** Organisers: points earned in a unit's subtree per day over a period (at most 366 days; default the last 7). */
  unitPoints: () => z.object({ unitId: idField(), fromDay: dayKeySchema().nullish(), toDay: dayKeySchema().nullish() }).strict(),
});

export type PointsRequests = { [A in keyof typeof pointsSchemas]: z.input<(typeof pointsSchemas)[A]> };

export interface SourceToday {
  source: PointSource;
  label: string;
  /** How the source earns, e.g. 每答对1题 1分. */
  rule: string;
  earned: number;
  cap: number;
}

export interface MyPoints {
  total: number;
  today: string;
  todayTotal: number;
  bySource: SourceToday[];
  /** Days in a row with any points, ending today or yesterday. */
  streak: number;
  longestStreak: number;
}

export interface PointsEntry {
  id: string;
  source: PointSource;
  label: string;
  day: string;
  at: number;
  awarded: number;
  /** Less than the rule would give, because the day's cap was reached. */
  capped: boolean;
}

export interface RulesVersionView {
  v: number;
  from: string;
  rules: PointsRules;
  byName: string;
  at: number;
  note: string;
  /** What changed from the version before, in words (e.g. 每日答题：每日上限 5 → 8). */
  changes: string[];
}

export interface PointsRulesView {
  today: string;
  /** The rules in force today and their version (0: the defaults). */
  current: { v: number; from: string | null; rules: PointsRules };
  /** A change saved for a later day, if any. */
  scheduled: RulesVersionView | null;
  /** Every saved version, newest first. */
  log: RulesVersionView[];
  sources: Array<{ source: PointSource; label: string; unit: string }>;
  canEdit: boolean;
}

export interface PointsResponses {
  myPoints: MyPoints;
  pointsHistory: Page<PointsEntry>;
  pointsRules: PointsRulesView;
  savePointsRules: PointsRulesView;
  unitPoints: {
    unitId: string;
    unitName: string;
    fromDay: string;
    toDay: string;
    /** Points and members who earned any, per day of the period (a member counts once a day). */
    days: Array<{ day: string; points: number; members: number }>;
    points: number;
    /** Members who earned per day, summed over the days (a member earning on 3 days counts 3). */
    memberDays: number;
  };
}
