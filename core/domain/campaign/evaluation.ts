// The 四落实 evaluation of a campaign (docs/CAMPAIGNS.md, "Evaluation"): each unit's figures under
// the four headings — 人员 (the roster reached, the unit's leaders), 时间 (reports on time), 内容
// (activities held, by kind), 效果 (participation, pass rate, task items done) — computed from
// the per-unit counters the contexts keep, never from members. Every figure of a unit covers its
// whole subtree (the unit and the units below it), except its leaders (领导班子), which are the
// unit's own. Pure: the action gathers the facts (functions/campaign/evaluationData.ts) and the
// sheets are laid out from these rows (./evaluationSheets.ts).

import type { ReportStatusRow } from '../../contracts/campaign';
import { audienceReaches, treeOrder } from '../org/units';
import { lateWords } from './reports';

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

/** The grade words of an assessment (评价等次), as organisers write them. */
// The same words as the pages (src/utils/campaign-format.ts): 优秀、良好、一般、较差.
export const GRADE_WORDS: Record<Grade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };

export function gradeWord(grade: Grade | null | undefined): string | null {
  return grade ? GRADE_WORDS[grade] : null;
}

/** A share 0–1, or null when there is nothing to divide by (the sheet says "—", never 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.min(1, Math.max(0, part / whole)) : null;
}

export interface EvalUnit {
  id: string;
  name: string;
  parentId: string | null;
  path: readonly string[];
  order: number;
  createdAt: number;
  /** The unit's own members and bound members (the unit's counters). */
  memberCount: number;
  boundCount: number;
}

/** A published exam of the period: its audience and each unit's own counters. */
export interface EvalExam {
  id: string;
  title: string;
  audience: readonly string[];
  /** A make-up asks only the members it invited. */
  inviteOnly: boolean;
  byUnit: ReadonlyMap<string, { invited: number; submitted: number; passed: number }>;
}

/** A published event of the period: its audience and each unit's own sign-ups (c) and attendance (a). */
export interface EvalEvent {
  id: string;
  title: string;
  audience: readonly string[];
  byUnit: Readonly<Record<string, { c?: number; a?: number }>>;
}

/** One unit's report for one ask it owes, in the row state of the reports part. */
export interface EvalReport {
  unitId: string;
  askKey: string;
  title: string;
  dueDay: string;
  state: ReportStatusRow['state'];
  lateMinutes: number | null;
}

/** A leader (领导班子成员) of a unit; `tookPart` null when the campaign attaches no exam or event. */
export interface EvalLeader {
  memberId: string;
  name: string;
  unitId: string;
  tookPart: boolean | null;
}

export interface EvalAssessment {
  grade: Grade | null;
  text: string;
  byName: string;
  at: number;
}

export interface EvaluationFacts {
  /** The unit seen from: the first row, its whole subtree. */
  seenId: string;
  /** The open units of the seen unit's subtree (itself included). */
  units: readonly EvalUnit[];
  exams: readonly EvalExam[];
  events: readonly EvalEvent[];
  /** Check-ins of the period by each unit's own members. */
  checkins: ReadonlyMap<string, number>;
  /** Contests of the period and their participants, each unit's whole subtree already. */
  contests: ReadonlyMap<string, { contests: number; participants: number }>;
  /** Each unit's own task items (all its lists): total, done, not done past the deadline. */
  tasks: ReadonlyMap<string, { total: number; done: number; overdue: number }>;
  reports: readonly EvalReport[];
  leaders: readonly EvalLeader[];
  assessments: ReadonlyMap<string, EvalAssessment>;
}

export interface UnitEvaluation {
  unit: EvalUnit;
  parentName: string | null;
  /** 0 for the unit seen from, 1 for its children… */
  depth: number;
  people: { members: number; bound: number; participants: number; coverage: number | null; leaders: number; leadersTookPart: number | null };
  timing: { owed: number; onTime: number; late: number; missing: number; onTimeRate: number | null; notDue: number };
  content: { exams: number; events: number; checkins: number; contests: number; tasks: number };
  effect: { asked: number; took: number; participation: number | null; submitted: number; passed: number; passRate: number | null; tasksDone: number; tasksTotal: number; overdue: number };
  assessment: EvalAssessment | null;
  /** For the unit's own sheet: each exam and event of its subtree, its own reports, its own leaders. */
  examLines: Array<{ title: string; asked: number; submitted: number; passed: number }>;
  eventLines: Array<{ title: string; confirmed: number; attended: number }>;
  reportLines: EvalReport[];
  leaderLines: EvalLeader[];
}

/** Timing of one report: received in time, late, missing, or not due yet (not counted as owed). */
export function reportTiming(r: Pick<EvalReport, 'state' | 'lateMinutes'>): 'onTime' | 'late' | 'missing' | 'notDue' {
  if (r.state === 'pending' || r.state === 'draft') return 'notDue';
  if (r.state === 'missing') return 'missing';
  // Submitted, accepted, or returned for revision: timed by when it was sent (a return is about content).
  return r.lateMinutes !== null && r.lateMinutes > 0 ? 'late' : 'onTime';
}

/** A report's row in words for a unit's sheet: 按时报送 / 晚交 2 天 / 未交 / 未到期. */
export function reportWords(r: Pick<EvalReport, 'state' | 'lateMinutes'>): string {
  const t = reportTiming(r);
  if (t === 'notDue') return '未到期';
  if (t === 'missing') return '未交';
  const returned = r.state === 'returned' ? '（已退回修改）' : '';
  if (t === 'onTime') return `按时报送${returned}`;
  // The pages' wording (lateWords), so a report reads the same late on screen and in the workbook.
  return `${lateWords(Math.max(1, r.lateMinutes ?? 0))}${returned}`;
}

type Sums = Map<string, number>;
const add = (m: Sums, k: string, n: number) => {
  if (n) m.set(k, (m.get(k) ?? 0) + n);
};

/**
 * One row per unit of the seen subtree, the seen unit first, then tree order. Each figure adds
 * the unit's own counts up its path (at most 10 levels), so 500 units cost a few thousand steps.
 */
export function evaluateUnits(f: EvaluationFacts): UnitEvaluation[] {
  const inTree = new Map(f.units.map((u) => [u.id, u]));
  const seen = inTree.get(f.seenId);
  if (!seen) return [];
  const seenDepth = seen.path.length;
  // The unit and its ancestors inside the seen subtree: whose subtree figures a unit's counts join.
  const upward = (u: EvalUnit) => u.path.slice(seenDepth - 1).filter((id) => inTree.has(id));
  const sum = (own: (u: EvalUnit) => number): Sums => {
    const out: Sums = new Map();
    for (const u of f.units) {
      const n = own(u);
      if (n) for (const id of upward(u)) add(out, id, n);
    }
    return out;
  };
  const members = sum((u) => u.memberCount);
  const bound = sum((u) => u.boundCount);
  const checkins = sum((u) => f.checkins.get(u.id) ?? 0);
  const tasksTotal = sum((u) => f.tasks.get(u.id)?.total ?? 0);
  const tasksDone = sum((u) => f.tasks.get(u.id)?.done ?? 0);
  const overdue = sum((u) => f.tasks.get(u.id)?.overdue ?? 0);

  // Per exam and event: who was asked, who took part, and which units held it (its audience
  // reaches some unit of their subtree, or someone of their subtree took part).
  const asked: Sums = new Map();
  const took: Sums = new Map();
  const submitted: Sums = new Map();
  const passed: Sums = new Map();
  const held = { exams: new Map<string, number>(), events: new Map<string, number>() };
  /** The most members who took part in any one exam or event, per unit: the 参加人数 lower bound. */
  const most: Sums = new Map();
  const examLines = new Map<string, UnitEvaluation['examLines']>();
  const eventLines = new Map<string, UnitEvaluation['eventLines']>();
  const activity = (
    kind: 'exams' | 'events',
    audience: readonly string[],
    ownOf: (u: EvalUnit) => { asked: number; took: number; passed: number; confirmed: number },
    line: (id: string, s: { asked: number; took: number; passed: number; confirmed: number }) => void,
  ) => {
    const one = { asked: new Map() as Sums, took: new Map() as Sums, passed: new Map() as Sums, confirmed: new Map() as Sums, touched: new Set<string>() };
    for (const u of f.units) {
      const own = ownOf(u);
      const reached = audienceReaches(audience, u.path);
      for (const id of upward(u)) {
        add(one.asked, id, own.asked);
        add(one.took, id, own.took);
        add(one.passed, id, own.passed);
        add(one.confirmed, id, own.confirmed);
        if (reached || own.took > 0 || own.confirmed > 0) one.touched.add(id);
      }
    }
    for (const id of one.touched) {
      held[kind].set(id, (held[kind].get(id) ?? 0) + 1);
      const s = { asked: one.asked.get(id) ?? 0, took: one.took.get(id) ?? 0, passed: one.passed.get(id) ?? 0, confirmed: one.confirmed.get(id) ?? 0 };
      add(asked, id, s.asked);
      add(took, id, s.took);
      if (kind === 'exams') {
        add(submitted, id, s.took);
        add(passed, id, s.passed);
      }
      most.set(id, Math.max(most.get(id) ?? 0, s.took));
      line(id, s);
    }
  };
  for (const e of f.exams) {
    activity(
      'exams',
      e.audience,
      (u) => {
        const c = e.byUnit.get(u.id);
        const reach = e.inviteOnly ? (c?.invited ?? 0) : audienceReaches(e.audience, u.path) ? u.memberCount : 0;
        return { asked: reach, took: c?.submitted ?? 0, passed: c?.passed ?? 0, confirmed: 0 };
      },
      (id, s) => examLines.set(id, [...(examLines.get(id) ?? []), { title: e.title, asked: s.asked, submitted: s.took, passed: s.passed }]),
    );
  }
  for (const e of f.events) {
    activity(
      'events',
      e.audience,
      (u) => {
        const c = e.byUnit[u.id];
        return { asked: audienceReaches(e.audience, u.path) ? u.memberCount : 0, took: c?.a ?? 0, passed: 0, confirmed: c?.c ?? 0 };
      },
      (id, s) => eventLines.set(id, [...(eventLines.get(id) ?? []), { title: e.title, confirmed: s.confirmed, attended: s.took }]),
    );
  }

  const timing = new Map<string, { owed: number; onTime: number; late: number; missing: number; notDue: number }>();
  const reportLines = new Map<string, EvalReport[]>();
  for (const r of f.reports) {
    const u = inTree.get(r.unitId);
    if (!u) continue;
    reportLines.set(u.id, [...(reportLines.get(u.id) ?? []), r]);
    const t = reportTiming(r);
    for (const id of upward(u)) {
      const s = timing.get(id) ?? { owed: 0, onTime: 0, late: 0, missing: 0, notDue: 0 };
      if (t === 'notDue') s.notDue += 1;
      else {
        s.owed += 1;
        s[t] += 1;
      }
      timing.set(id, s);
    }
  }

  const leadersOf = new Map<string, EvalLeader[]>();
  for (const l of f.leaders) if (inTree.has(l.unitId)) leadersOf.set(l.unitId, [...(leadersOf.get(l.unitId) ?? []), l]);

  const below = treeOrder(f.units.filter((u) => u.id !== seen.id && u.path.includes(seen.id)));
  return [seen, ...below].map((u): UnitEvaluation => {
    const id = u.id;
    const m = members.get(id) ?? 0;
    const participants = Math.min(m, most.get(id) ?? 0);
    const leaders = leadersOf.get(id) ?? [];
    const t = timing.get(id) ?? { owed: 0, onTime: 0, late: 0, missing: 0, notDue: 0 };
    const c = f.contests.get(id) ?? { contests: 0, participants: 0 };
    const sub = submitted.get(id) ?? 0;
    return {
      unit: u,
      parentName: u.parentId ? (inTree.get(u.parentId)?.name ?? null) : null,
      depth: u.path.length - seenDepth,
      people: {
        members: m,
        bound: bound.get(id) ?? 0,
        participants,
        coverage: shareOf(participants, m),
        leaders: leaders.length,
        leadersTookPart: leaders.some((l) => l.tookPart !== null) ? leaders.filter((l) => l.tookPart === true).length : null,
      },
      timing: { ...t, onTimeRate: shareOf(t.onTime, t.owed) },
      content: { exams: held.exams.get(id) ?? 0, events: held.events.get(id) ?? 0, checkins: checkins.get(id) ?? 0, contests: c.contests, tasks: tasksTotal.get(id) ?? 0 },
      effect: {
        asked: asked.get(id) ?? 0,
        took: took.get(id) ?? 0,
        participation: shareOf(took.get(id) ?? 0, asked.get(id) ?? 0),
        submitted: sub,
        passed: passed.get(id) ?? 0,
        passRate: shareOf(passed.get(id) ?? 0, sub),
        tasksDone: tasksDone.get(id) ?? 0,
        tasksTotal: tasksTotal.get(id) ?? 0,
        overdue: overdue.get(id) ?? 0,
      },
      assessment: f.assessments.get(id) ?? null,
      examLines: examLines.get(id) ?? [],
      eventLines: eventLines.get(id) ?? [],
      reportLines: reportLines.get(id) ?? [],
      leaderLines: leaders,
    };
  });
}

// ---- sheet names ---------------------------------------------------------------------------------

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, not blank, no leading or trailing '. */
export const SHEET_NAME_MAX = 31;

function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return [...cleaned].slice(0, SHEET_NAME_MAX).join('').trim() || '单位';
}

/**
 * One sheet name per unit name: cleaned, cut to 31 characters (counting characters, not code
 * units), unique among themselves and `reserved` (汇总, 说明) — a clash gets （2）, （3）… within
 * the 31 characters. Excel compares names ignoring case.
 */
export function sheetNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return names.map((raw) => {
    const base = cleanSheetName(raw);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `（${n}）`;
      name = `${[...base].slice(0, SHEET_NAME_MAX - suffix.length).join('')}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
