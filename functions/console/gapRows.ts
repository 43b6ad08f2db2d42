// Reading the gap lists: the scope of a request (who asks, for which unit and period) and the
// rows of a page of members. Every activity is one read keyed by the page's member ids, so a page
// costs the same whatever the subtree's size (pinned in test/integration/console-gaps.test.ts).

import type { ActivitySummary, ExamCell, GapExam, GapRow, PeriodView } from '../../core/contracts/consoleGaps';
import {
  checkinState,
  checkinWords,
  EXAM_STATE_WORDS,
  examState,
  GAP_ACTIVITIES,
  isExamGap,
  monthsBetween,
  quizFacts,
  quizState,
  quizWords,
  weekStart,
  type GapActivity,
} from '../../core/domain/console/gaps';
import { PeriodError, resolvePeriod, type Period, type PeriodInput } from '../../core/domain/console/period';
import { beijingDayKey } from '../../core/domain/time';
import { checkinDaysOf } from '../checkin/memberPorts';
import { eventsInPeriod, placesOf, type PeriodEvent } from '../event/memberPorts';
import { examReaches, examsInPeriod, standingsOf, type PeriodExam } from '../exam/memberPorts';
import type { Database } from '../lib/db';
import { invalid } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import { creditsOf } from '../lib/reminders';
import type { ActionContext } from '../lib/router';
import { subtreeMembersPage, type RosterEntry } from '../org/memberPorts';
import { requireManagedUnit, requireOrganiser, unitsUnder, type Caller } from '../org/ports';
import { lastDailyDays } from '../quiz/memberPorts';

export function periodOf(input: PeriodInput, now: number): Period {
  try {
    return resolvePeriod(input, now);
  } catch (err) {
    if (err instanceof PeriodError) throw invalid(`字段 period：${err.message}`);
    throw err;
  }
}

export const periodView = (p: Period): PeriodView => ({ label: p.label, fromDay: p.fromDay, toDay: p.toDay, days: p.days });

export interface GapScope {
  me: Caller;
  unit: UnitDoc;
  period: Period;
  now: number;
  /** The subtree's units (names for rows) and every unit an audience may name to reach it. */
  unitNames: Map<string, string>;
  unitKeys: string[];
}

/** Organisers of the unit's subtree only (members FORBIDDEN); 3 reads: identity, unit, subtree. */
export async function gapScope(ctx: ActionContext, unitId: string, periodInput: PeriodInput): Promise<GapScope> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const period = periodOf(periodInput, now);
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, unitId);
  const units = await unitsUnder(db, unit.orgId, [unit._id]);
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  unitNames.set(unit._id, unit.name);
  return { me, unit, period, now, unitNames, unitKeys: [...new Set([...unit.path, ...unitNames.keys()])] };
}

export interface PageRows {
  exams: PeriodExam[];
  events: PeriodEvent[];
  rows: GapRow[];
  /** memberId → holds a credit for the topic, granted from the account bound now. */
  credit: { exam: Set<string>; checkin: Set<string> };
}

/** The activities of the period for the subtree: 2 reads (exams, events that ended). */
export async function periodActivities(db: Database, s: GapScope): Promise<{ exams: PeriodExam[]; events: PeriodEvent[] }> {
  const endedBy = Math.min(s.period.to, s.now);
  const [exams, events] = await Promise.all([
    examsInPeriod(db, s.unit.orgId, s.unitKeys, s.period.from, s.period.to),
    endedBy > s.period.from ? eventsInPeriod(db, s.unit.orgId, s.unitKeys, s.period.from, endedBy, true) : Promise.resolve([]),
  ]);
  return { exams, events };
}

/** The rows of a page of members: at most 6 reads (takers, months, places, quiz, two credit reads). */
export async function rowsOf(db: Database, s: GapScope, acts: { exams: PeriodExam[]; events: PeriodEvent[] }, members: RosterEntry[]): Promise<PageRows> {
  const ids = members.map((m) => m._id);
  const today = beijingDayKey(s.now);
  const reachesToday = s.period.toDay === today;
  const [standings, months, places, lastDays, examCredits, checkinCredits] = await Promise.all([
    standingsOf(db, acts.exams.map((e) => e.examId), ids),
    checkinDaysOf(db, ids, monthsBetween(s.period.fromDay, s.period.toDay)),
    placesOf(db, acts.events.map((e) => e.eventId), ids),
    ids.length ? lastDailyDays(db, ids) : Promise.resolve(new Map<string, string>()),
    ids.length ? creditsOf(db, ids, 'exam') : Promise.resolve(new Map<string, { credits: number; openid: string }>()),
    ids.length ? creditsOf(db, ids, 'checkin') : Promise.resolve(new Map<string, { credits: number; openid: string }>()),
  ]);
  const standing = new Map(standings.map((x) => [`${x.examId}_${x.memberId}`, x]));
  const place = new Map(places.map((x) => [`${x.eventId}_${x.memberId}`, x]));
  // A credit counts only for the WeChat account the member is bound to now.
  const holders = (held: Map<string, { credits: number; openid: string }>) =>
    new Set(members.filter((m) => m.openid && (held.get(m._id)?.credits ?? 0) > 0 && held.get(m._id)?.openid === m.openid).map((m) => m._id));
  const week = weekStart(today);
  const rows = members.map((m): GapRow => {
    const bound = m.openid !== null;
    const exams: ExamCell[] = [];
    for (const e of acts.exams) {
      if (!examReaches(e, m.unitPath)) continue;
      const st = standing.get(`${e.examId}_${m._id}`) ?? null;
      if (e.inviteOnly && !st?.invited) continue;
      const state = examState(e, st, bound, s.now);
      exams.push({ examId: e.examId, state, words: EXAM_STATE_WORDS[state], score: st?.best?.score ?? null });
    }
    const marks = months.get(m._id) ?? new Map<string, 'c' | 'm'>();
    const inPeriod = [...marks.keys()].filter((d) => d >= s.period.fromDay && d <= s.period.toDay);
    const facts = { days: inPeriod.length, of: s.period.days, thisWeek: reachesToday ? inPeriod.filter((d) => d >= week).length : null };
    const cState = checkinState(facts, bound);
    const missedEvents = acts.events
      .filter((e) => {
        const p = place.get(`${e.eventId}_${m._id}`);
        return p?.status === 'confirmed' && !p.attended;
      })
      .map((e) => ({ eventId: e.eventId, title: e.title, endsAt: e.endsAt }));
    const qFacts = quizFacts(lastDays.get(m._id) || null, s.now);
    const qState = quizState(qFacts, bound);
    const gaps: GapActivity[] = [];
    if (exams.some((c) => isExamGap(c.state))) gaps.push('exam');
    if (cState !== 'ok') gaps.push('checkin');
    if (missedEvents.length > 0) gaps.push('event');
    if (qState !== 'ok') gaps.push('quiz');
    return {
      memberId: m._id,
      name: m.name,
      unitId: m.unitId,
      unitName: s.unitNames.get(m.unitId) ?? '',
      leader: m.leader,
      bound,
      exams,
      checkin: { state: cState, words: checkinWords(cState, facts), ...facts },
      missedEvents,
      quiz: { state: qState, words: quizWords(qState, qFacts), ...qFacts },
      gaps,
    };
  });
  return { ...acts, rows, credit: { exam: holders(examCredits), checkin: holders(checkinCredits) } };
}

/** Per activity: how many of `rows` have a gap, bound or not, and (where reminders exist) hold a credit. */
export function summaryOf(rows: GapRow[], credit: PageRows['credit']): ActivitySummary[] {
  return GAP_ACTIVITIES.map((activity) => {
    const withGap = rows.filter((r) => r.gaps.includes(activity));
    const bound = withGap.filter((r) => r.bound);
    const holders = activity === 'exam' ? credit.exam : activity === 'checkin' ? credit.checkin : null;
    return {
      activity,
      gaps: withGap.length,
      bound: bound.length,
      unbound: withGap.length - bound.length,
      withCredit: holders ? bound.filter((r) => holders.has(r.memberId)).length : null,
    };
  });
}

export const examView = (e: PeriodExam): GapExam => ({ examId: e.examId, title: e.title, opensAt: e.opensAt, closesAt: e.closesAt });

/** Members one nudge or export reads at most (pages of 50: 20 pages of 6 reads each). */
export const WALK_MAX = 1000;

/** Every member of the subtree, page by page (roster order), up to WALK_MAX. */
export async function allRows(db: Database, s: GapScope): Promise<PageRows & { truncated: boolean }> {
  const acts = await periodActivities(db, s);
  const out: PageRows = { ...acts, rows: [], credit: { exam: new Set(), checkin: new Set() } };
  let cursor: string | null = null;
  do {
    const { page, nextCursor } = await subtreeMembersPage(db, s.unit._id, cursor, 50);
    const part = await rowsOf(db, s, acts, page);
    out.rows.push(...part.rows);
    for (const id of part.credit.exam) out.credit.exam.add(id);
    for (const id of part.credit.checkin) out.credit.checkin.add(id);
    cursor = nextCursor;
  } while (cursor && out.rows.length < WALK_MAX);
  return { ...out, truncated: cursor !== null };
}
