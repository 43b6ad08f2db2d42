// The facts of the 四落实 evaluation (core/domain/campaign/evaluation.ts), gathered for every unit
// of the subtree seen at once, from roll-ups and counters only — never by scanning members: the
// units' own member counters, exam counters per exam and unit, the events' per-unit counters,
// check-in day counters per unit, contest roll-ups, task counters per unit, the campaign's
// reports and assessments by their deterministic ids. Leaders are the one per-member read: the
// subtree's leaders (a few per unit) in one query, and their part in the attached exams and
// events in one read per kind by id (docs/CAMPAIGNS.md, "Evaluation").
//
// Reads for a subtree of up to 1000 units (each counted in
// test/integration/campaign-evaluation.test.ts, the same for 4 units and 40): exams 2 (+1 per
// 1000 exam × unit counters), events 1, check-ins 1, contests 2, task counters 1, reports 1 per
// 1000 (unit, ask) pairs, assessments 1, leaders 1 per 1000, their exams and events 1 each per
// 1000 (leader, activity) pairs. Reads that have nothing to ask are skipped.

import type { EvalReport, EvaluationFacts, EvalUnit } from '../../core/domain/campaign/evaluation';
import { rowState } from '../../core/domain/campaign/reports';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { challengeCheckinsByUnit } from '../checkin/ports';
import { eventFiguresInPeriod } from '../event/ports';
import { standingsOf } from '../exam/memberPorts';
import { examTallies } from '../exam/ports';
import { placesOf } from '../event/memberPorts';
import { COLLECTIONS } from '../lib/collections';
import { list, type BaseDoc, type Database } from '../lib/db';
import type { UnitDoc } from '../lib/model';
import { allSubtreeLeaders } from '../org/memberPorts';
import { contestTallies } from '../quiz/ports';
import { assessmentId, owingUnits, reportId, type AssessmentDoc, type CampaignDoc, type ReportDoc, type TaskUnitDoc } from './model';

const PAGE = 1000;

/** The days a campaign's evaluation counts: first stage's start to last stage's end, clipped to today. */
export interface EvaluationPeriod {
  fromDay: string;
  /** Null before the campaign's first day: nothing has been held yet. */
  toDay: string | null;
  /** [from, to) as instants, `to` no later than now. */
  from: number;
  to: number;
}

export function evaluationPeriod(campaign: Pick<CampaignDoc, 'stages'>, now: number): EvaluationPeriod {
  const fromDay = campaign.stages.reduce((d, s) => (s.startDay < d ? s.startDay : d), campaign.stages[0].startDay);
  const lastDay = campaign.stages.reduce((d, s) => (s.endDay > d ? s.endDay : d), campaign.stages[0].endDay);
  const today = beijingDayKey(now);
  const from = beijingDayStart(fromDay);
  const to = Math.min(beijingDayStart(addDays(lastDay, 1)), now);
  return { fromDay, toDay: fromDay > today ? null : lastDay < today ? lastDay : today, from, to };
}

/** Documents by id in pages of 1000 (the SDK's ceiling per read): reports and assessments by their deterministic ids. */
export async function byIds<T extends BaseDoc>(db: Database, collection: string, ids: readonly string[]): Promise<T[]> {
  const _ = db.command;
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const chunk = ids.slice(i, i + PAGE);
    out.push(...(await list<T>(db.collection(collection).where({ _id: _.in(chunk) }).limit(chunk.length))));
  }
  return out;
}

/** Chunks of `ids` such that each chunk times `per` stays within one read's 1000 pairs. */
function pairChunks(ids: readonly string[], per: number): string[][] {
  if (per === 0) return [];
  const size = Math.max(1, Math.floor(PAGE / per));
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

export function evalUnit(u: UnitDoc): EvalUnit {
  return {
    id: u._id,
    name: u.name,
    parentId: u.parentId,
    path: u.path,
    order: u.order ?? 0,
    createdAt: new Date(u.createdAt).getTime(),
    memberCount: u.memberCount ?? 0,
    boundCount: u.boundCount ?? 0,
  };
}

export interface GatherInput {
  campaign: CampaignDoc;
  seen: UnitDoc;
  /** Every open unit the campaign reaches (campaignUnits). */
  units: readonly UnitDoc[];
  now: number;
}

export async function gatherEvaluation(db: Database, input: GatherInput): Promise<{ facts: EvaluationFacts; period: EvaluationPeriod }> {
  const { campaign, seen, now } = input;
  const units = input.units.filter((u) => u.path.includes(seen._id));
  const ids = units.map((u) => u._id);
  const inTree = new Set(ids);
  const period = evaluationPeriod(campaign, now);
  const today = beijingDayKey(now);
  const held = period.toDay !== null && period.from < period.to;

  // Reports: one per unit and ask it owes, read by their deterministic ids.
  const closed = campaign.status === 'closed';
  const owed = campaign.asks.flatMap((ask) => owingUnits(campaign, ask, units as UnitDoc[]).map((u) => ({ ask, u })));
  const identity = new Map(units.map((u) => [u._id, u._id as string | null]));

  const [exams, events, checkins, contests, tasks, reports, assessments, leaders] = await Promise.all([
    held ? examTallies(db, campaign.orgId, identity, period.from, period.to) : Promise.resolve([]),
    held ? eventFiguresInPeriod(db, campaign.orgId, period.from, period.to) : Promise.resolve([]),
    // The period as one range of days: each unit's own check-ins over it (one aggregate).
    held && period.toDay
      ? challengeCheckinsByUnit(db, [{ challengeId: 'period', startDay: period.fromDay, endDay: period.toDay }], ids, today).then((m) => m.get('period') ?? new Map<string, number>())
      : Promise.resolve(new Map<string, number>()),
    held ? contestTallies(db, campaign.orgId, units, period.from, period.to) : Promise.resolve(new Map<string, { contests: number; participants: number }>()),
    byIds<TaskUnitDoc>(db, COLLECTIONS.taskUnits, ids),
    byIds<ReportDoc>(db, COLLECTIONS.campaignReports, owed.map(({ ask, u }) => reportId(campaign._id, ask.key, u._id))),
    byIds<AssessmentDoc>(db, COLLECTIONS.campaignAssessments, ids.map((id) => assessmentId(campaign._id, id))),
    allSubtreeLeaders(db, seen._id).then((r) => r.leaders.filter((l) => inTree.has(l.unitId))),
  ]);

  // The leaders' part in the attached exams (交卷) and events (到场): one read per kind per 1000 pairs.
  const leaderIds = leaders.map((l) => l._id);
  const { exams: examIds, events: eventIds } = campaign.attached;
  const [standings, places] = await Promise.all([
    Promise.all(pairChunks(leaderIds, examIds.length).map((c) => standingsOf(db, examIds, c))).then((r) => r.flat()),
    Promise.all(pairChunks(leaderIds, eventIds.length).map((c) => placesOf(db, eventIds, c))).then((r) => r.flat()),
  ]);
  const tookPart = new Set([...standings.filter((s) => s.best !== null).map((s) => s.memberId), ...places.filter((p) => p.attended).map((p) => p.memberId)]);
  const anyAttached = examIds.length + eventIds.length > 0;

  const reportOf = new Map(reports.map((r) => [r._id, r]));
  const evalReports = owed.map(({ ask, u }): EvalReport => {
    const r = reportOf.get(reportId(campaign._id, ask.key, u._id)) ?? null;
    return { unitId: u._id, askKey: ask.key, title: ask.title, dueDay: ask.dueDay, state: rowState(r, ask.dueDay, now, closed), lateMinutes: r?.lateMinutes ?? null };
  });

  const overdueOf = (t: TaskUnitDoc) => Object.entries(t.openByDeadline ?? {}).reduce((n, [day, k]) => (day < today ? n + (k > 0 ? k : 0) : n), 0);
  const facts: EvaluationFacts = {
    seenId: seen._id,
    units: units.map(evalUnit),
    exams: exams.map((e) => ({
      id: e.examId,
      title: e.title,
      audience: e.audience,
      inviteOnly: e.inviteOnly,
      byUnit: new Map([...e.byGroup].filter(([k]) => k !== '').map(([k, v]) => [k, { invited: v.invited, submitted: v.submitted, passed: v.passed }])),
    })),
    events: events.map((e) => ({ id: e.eventId, title: e.title, audience: e.audience, byUnit: e.byUnit })),
    checkins,
    contests,
    tasks: new Map(tasks.map((t) => [t._id, { total: t.total ?? 0, done: t.done ?? 0, overdue: overdueOf(t) }])),
    reports: evalReports,
    leaders: leaders.map((l) => ({ memberId: l._id, name: l.name, unitId: l.unitId, tookPart: anyAttached ? tookPart.has(l._id) : null })),
    assessments: new Map(assessments.map((a) => [a.unitId, { grade: a.grade, text: a.text, byName: a.byName, at: new Date(a.at).getTime() }])),
  };
  return { facts, period };
}
